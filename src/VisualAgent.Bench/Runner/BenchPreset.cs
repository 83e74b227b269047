using VisualAgent.Errors;
using VisualAgent.Hosting;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Bench.Runner;

/// <summary>A named comparison: suites and models run with one command (`bench run --preset NAME`).</summary>
public sealed record BenchPreset(string Name, string Description, IReadOnlyList<string> Suites, IReadOnlyList<string> Models)
{
    /// <summary>
    /// The product brief's comparison: Qwen3-VL, LLaVA-1.5, MiniGPT-v2, BLIP-2 and InstructBLIP over captions, VQA,
    /// referring-expression IoU and multi-image questions, with latency and GPU memory. It needs those models served
    /// (profiles qwen3-vl-8b, llava-1.5-7b, minigpt-v2, blip2, instructblip in appsettings.json).
    /// </summary>
    public static BenchPreset BriefComparison { get; } = new(
        "brief-comparison",
        "Qwen3-VL, LLaVA-1.5, MiniGPT-v2, BLIP-2, InstructBLIP over captions, VQA, refexp IoU and multi-image, with latency and GPU memory",
        ["caption-samples", "vqa-samples", "refexp-samples", "multi-image-samples"],
        ["qwen3-vl-8b", "llava-1.5-7b", "minigpt-v2", "blip2", "instructblip"]);

    public static IReadOnlyList<BenchPreset> All { get; } = [BriefComparison];

    public static BenchPreset Get(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UsageException($"Unknown preset '{name}'. Presets: {string.Join(", ", All.Select(p => p.Name))}.");

    /// <summary>
    /// Fails fast when no model of the preset can be reached: probes every real endpoint (a few seconds at most) and
    /// throws <see cref="ModelUnavailableException"/> listing each unreachable one. Returns the problems of the
    /// unreachable ones when some are reachable (those are then reported as unreachable in every suite).
    /// </summary>
    public static async Task<IReadOnlyList<string>> PreflightAsync(IReadOnlyList<string> models, ModelProfiles profiles, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(profiles);
        var problems = new List<string>();
        foreach (var name in models)
        {
            var profile = profiles.Get(name);
            if (profile.IsOcr || profile.IsSimulated)
            {
                continue;
            }

            if (await EndpointProbe.CheckAsync(profile.Name, profile.GetEndpoints(), timeout, ct).ConfigureAwait(false) is { } problem)
            {
                problems.Add(problem);
            }
        }

        if (problems.Count == models.Count)
        {
            throw new ModelUnavailableException(
                $"None of the preset's models is reachable, so nothing was run:\n  {string.Join("\n  ", problems)}\n"
                + "This preset needs the models served on a GPU (see the README's GPU section); --models sim-qwen3-vl,sim-blip2 runs it against the simulator.");
        }

        return problems;
    }
}
