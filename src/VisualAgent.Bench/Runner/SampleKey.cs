using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using VisualAgent.Bench.Suites;

namespace VisualAgent.Bench.Runner;

/// <summary>
/// The resume key of a sample: a hash of everything besides the model that decides its result — its kind, prompt and
/// truth, its groups, its images (by file name and size), its task definition — and the run's mode. A result from an
/// earlier run is reused only under the same key, so an edited sample (or a run in another mode) is run again, never
/// served its old score.
/// </summary>
internal static class SampleKey
{
    public static string Of(BenchSample sample, string mode)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var content = new
        {
            kind = sample.Kind.Id(),
            prompt = sample.Prompt,
            box = sample.Box?.ToArray(),
            answers = sample.Answers,
            lines = sample.Lines.Select(l => new { text = l.Text, box = l.Box?.ToArray() }),
            groups = sample.Groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new[] { g.Key, g.Value }),
            images = sample.Images.Select(p => new { name = Path.GetFileName(p), bytes = File.Exists(p) ? new FileInfo(p).Length : -1 }),
            task = sample.Task is { } task ? JsonSerializer.SerializeToElement(task, task.GetType()) : (JsonElement?)null,
            mode,
        };
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(content)));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
