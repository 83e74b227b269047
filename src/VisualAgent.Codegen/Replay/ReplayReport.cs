using VisualAgent.Drivers;

namespace VisualAgent.Codegen.Replay;

/// <summary>One replayed step: how its element was found ("cache hit", "healed by ..."), whether it held, and its time.</summary>
public sealed record ReplayStepReport(int Index, string Description, string How, bool Ok, string? Error, double Ms)
{
    /// <summary>True when the step's recorded first-choice locator did not find the element and a later rung did.</summary>
    public bool Healed { get; init; }

    /// <summary>The element's ranked locators now (healed steps only): what propose writes and apply stores.</summary>
    public IReadOnlyList<ElementLocator>? NewLocators { get; init; }

    public IReadOnlyList<ElementLocator>? OldLocators { get; init; }

    /// <summary>The recorded element's crop (shots/NNN.element.png, relative to the run folder), to compare with the page now.</summary>
    public string? Crop { get; init; }

    /// <summary>The crop's full path inside <paramref name="runFolder"/>; null when the step recorded none.</summary>
    public string? CropIn(string runFolder) => Crop is null ? null : Path.Combine(runFolder, Crop);
}

/// <summary>A replay: every step's report, model calls (always 0: replay calls no model), time against the original run.</summary>
public sealed record ReplayReport(string RunId, bool Succeeded, string? Reason, IReadOnlyList<ReplayStepReport> Steps, double TotalMs, double OriginalMs, int OriginalModelCalls)
{
    public int ModelCalls => 0;

    public int CacheHits => Steps.Count(s => s.How == ReplayLadder.CacheHit);

    public int HealedSteps => Steps.Count(s => s.Healed);

    /// <summary>heal.diff.json when healing proposed or applied locators; null when nothing was healed or healing was off.</summary>
    public string? DiffPath { get; init; }

    public bool Applied { get; init; }

    /// <summary>
    /// From the start page loaded (or, for a recording without one, from the replay's first step) to the last step done:
    /// the span a generated script's "step 1" to "PASSED" lines cover. <see cref="TotalMs"/> also holds opening the start
    /// page (<see cref="StartMs"/>) and setting up the request guard.
    /// </summary>
    public double StepsMs { get; init; }

    /// <summary>Opening the recording's start page (0 when it has none).</summary>
    public double StartMs { get; init; }

    /// <summary>The viewport the replay's page was opened at, and why; null when the caller did not say.</summary>
    public ReplayViewport? Viewport { get; init; }

    /// <summary>The report as the JSON the CLI (--json), the MCP tool and the UI return: one shape for all three (crops as full paths in <paramref name="runFolder"/>).</summary>
    public object Summary(string runFolder) => new
    {
        run = RunId,
        succeeded = Succeeded,
        reason = Reason,
        model_calls = ModelCalls,
        cache_hits = CacheHits,
        healed = HealedSteps,
        replay_ms = Math.Round(TotalMs),
        start_page_ms = Math.Round(StartMs),
        steps_ms = Math.Round(StepsMs),
        viewport = Viewport?.Summary(),
        original_ms = Math.Round(OriginalMs),
        original_model_calls = OriginalModelCalls,
        diff = DiffPath,
        applied = Applied,
        steps = Steps.Select(s => new { index = s.Index, description = s.Description, how = s.How, ok = s.Ok, error = s.Error, ms = Math.Round(s.Ms), crop = s.CropIn(runFolder) }),
    };
}
