using System.Text.Encodings.Web;
using System.Text.Json;

namespace VisualAgent.Bench.BuiltIn;

/// <summary>Writes a suite's JSONL (one object per line, keys in the given order) through a temporary file.</summary>
internal static class SuiteWriter
{
    private static readonly JsonSerializerOptions _options = new()
    {
        // The files are for people too: keep "$", "'" and "+" readable (they are data, never HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task WriteAsync(string path, IEnumerable<IReadOnlyDictionary<string, object?>> lines, CancellationToken ct)
    {
        var temp = path + ".tmp";
        var text = string.Concat(lines.Select(l => JsonSerializer.Serialize(l, _options) + "\n"));
        await File.WriteAllTextAsync(temp, text, ct).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Ten answers in VQAv2 style: each answer repeated as often as given (the counts must add up to 10).</summary>
    public static string[] Ten(params (string Answer, int Count)[] answers)
    {
        var all = answers.SelectMany(a => Enumerable.Repeat(a.Answer, a.Count)).ToArray();
        return all.Length == 10 ? all : throw new InvalidOperationException($"VQA answers must number 10, not {all.Length}: {string.Join(", ", all)}");
    }
}
