using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Bench.Tasks;

/// <summary>
/// One task of a task suite ({"name", "tasks": [{"id", "url", "instruction" or "instruction_js", "success_js", ...}]}): where
/// to start, what to tell the agent, and how the app judges success. A relative url has already been resolved to a file
/// URL next to the suite (query string and fragment kept); <c>{{samples}}</c> stays until <see cref="ResolveUrl"/> is
/// given the samples server's base URL.
/// </summary>
internal sealed record BenchTask
{
    public const string SamplesPlaceholder = "{{samples}}";

    public required string Id { get; init; }

    /// <summary>An absolute URL, possibly holding <see cref="SamplesPlaceholder"/>.</summary>
    public required string Url { get; init; }

    /// <summary>Viewport in CSS pixels; null = the browser's default.</summary>
    public PixelSize? Viewport { get; init; }

    /// <summary>JavaScript run after the page loads (awaited when it returns a promise).</summary>
    public string? SetupJs { get; init; }

    /// <summary>The instruction given to the agent; null when <see cref="InstructionJs"/> computes it.</summary>
    public string? Instruction { get; init; }

    /// <summary>A JavaScript expression whose value (after setup) is the instruction.</summary>
    public string? InstructionJs { get; init; }

    /// <summary>A JavaScript expression evaluated when the agent stops; truthy = success.</summary>
    public required string SuccessJs { get; init; }

    /// <summary>Steps in the offline grammar: what the simulated model plays, and documentation. Never given to the ocr model.</summary>
    public string? Solution { get; init; }

    public int? MaxSteps { get; init; }

    /// <summary>allow_risky: risky steps (a password typed, an upload, a purchase...) are allowed; default false = denied as in a run with no terminal.</summary>
    public bool AllowRisky { get; init; }

    public double? TimeoutSeconds { get; init; }

    /// <summary>The folder of the suite file (files a task uploads are looked for there and in ../files).</summary>
    public string? SuiteFolder { get; init; }

    /// <summary>The task's position in the suite file (0-based).</summary>
    public int Index { get; init; }

    public bool UsesSamples => Url.Contains(SamplesPlaceholder, StringComparison.Ordinal);

    /// <summary>The page is a local file (a relative url next to the suite, or a file: url): the bench serves it on 127.0.0.1.</summary>
    public bool IsLocalFile => !UsesSamples && Uri.TryCreate(Url, UriKind.Absolute, out var u) && u.IsFile;

    /// <summary>The URL to open, with {{samples}} replaced by <paramref name="samplesBaseUrl"/> (trailing slash dropped).</summary>
    public string ResolveUrl(string? samplesBaseUrl)
    {
        if (!UsesSamples)
        {
            return Url;
        }

        if (string.IsNullOrEmpty(samplesBaseUrl))
        {
            throw new UsageException($"Task '{Id}' uses {SamplesPlaceholder} but no samples server was started (give TaskRunOptions.SamplesBaseUrl).");
        }

        return Url.Replace(SamplesPlaceholder, samplesBaseUrl.TrimEnd('/'), StringComparison.Ordinal);
    }
}
