using VisualAgent.Bench.Contestants;
using VisualAgent.Bench.Suites;
using VisualAgent.Bench.Tasks;
using VisualAgent.Drivers.Web;
using VisualAgent.Errors;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Bench.Runner;

/// <summary>What `bench run` runs: a suite over several models, into an output folder (resumable).</summary>
public sealed class BenchRunOptions
{
    /// <summary>A built-in suite id (<see cref="SuiteLocator.BuiltInIds"/>) or a suite file.</summary>
    public required string Suite { get; init; }

    /// <summary>Model profile names, in report order.</summary>
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>The output folder; a rerun with the same folder skips the (model, sample) pairs already done.</summary>
    public required string OutDir { get; init; }

    /// <summary>
    /// What besides a sample's content decides its result in this run (e.g. a task suite's instruction mode); part of the
    /// resume key, so a rerun in another mode runs every sample again. Default "" (none).
    /// </summary>
    public string Mode { get; init; } = "";

    /// <summary>Task suites: what the agent is given, each task's instruction (default) or its solution steps; part of the resume key and of summary.json ("mode").</summary>
    public TaskInstructions Instructions { get; init; } = TaskInstructions.Instruction;

    /// <summary>The resume key's mode for a suite of this kind: <see cref="Mode"/>, and for tasks the instructions given.</summary>
    public string KeyMode(SuiteKind kind) =>
        kind == SuiteKind.Tasks ? $"{Mode}|instructions={(Instructions == TaskInstructions.Solution ? "solution" : "instruction")}" : Mode;

    /// <summary>Images folder; null = the suite file's images/ folder, or its own folder.</summary>
    public string? ImagesDir { get; init; }

    /// <summary>Only the samples with these ids, in suite order (null = all); an id the suite does not have is refused.</summary>
    public IReadOnlyList<string>? Only { get; init; }

    /// <summary>Only the first N valid samples (null = all).</summary>
    public int? Limit { get; init; }

    /// <summary>Samples in flight at once per model (default 4), further bounded by each profile's MaxConcurrency.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>Grounding bbox format: true = xyxy, false = xywh, null = by img_size.</summary>
    public bool? BboxCorners { get; init; }

    /// <summary>Configured model profiles; sim-&lt;dialect&gt; names resolve without configuration.</summary>
    public ModelProfiles Profiles { get; init; } = new([]);

    /// <summary>Where generated built-in suites are kept (default: a visual-agent folder under the user's local data).</summary>
    public string? CacheRoot { get; init; }

    /// <summary>A browser to use for built-in generation and tasks (tests share one); null = launched when needed.</summary>
    public PlaywrightBrowser? Browser { get; init; }

    /// <summary>Browser settings when the runner launches one.</summary>
    public BrowserOptions BrowserOptions { get; init; } = new();

    public BenchModelOptions ModelOptions { get; init; } = new();

    /// <summary>Captions: a chat model profile that rates each caption 1-5 (reported apart from the headline); null = no judge.</summary>
    public string? Judge { get; init; }

    /// <summary>How often plain progress lines are reported (default 2 s).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Write the HTML report (default true; measurements switch it off).</summary>
    public bool WriteHtml { get; init; } = true;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The profile called <paramref name="name"/>; "ocr" is the offline OCR grounder even when not configured.</summary>
    public ModelProfile ResolveProfile(string name) =>
        !Profiles.TryGet(name, out _) && (string.Equals(name, ModelKinds.Ocr, StringComparison.OrdinalIgnoreCase) || string.Equals(name, ModelKinds.Offline, StringComparison.OrdinalIgnoreCase))
            ? new ModelProfile { Name = name.ToLowerInvariant(), Kind = name.ToLowerInvariant() }
            : Profiles.Get(name);

    public void Validate()
    {
        if (Models.Count == 0)
        {
            throw new UsageException("Give at least one model: --models a,b,c (profile names; sim-<dialect> for a simulated model, ocr for the offline grounder).");
        }

        if (Models.Distinct(StringComparer.OrdinalIgnoreCase).Count() != Models.Count)
        {
            throw new UsageException($"--models names a model twice: {string.Join(",", Models)}.");
        }

        if (Concurrency is < 1 or > 256)
        {
            throw new UsageException($"--concurrency must be 1..256, not {Concurrency}.");
        }

        if (Limit is < 1)
        {
            throw new UsageException($"--limit must be at least 1, not {Limit}.");
        }

        if (string.IsNullOrWhiteSpace(OutDir))
        {
            throw new UsageException("Give an output folder (--out DIR).");
        }
    }
}
