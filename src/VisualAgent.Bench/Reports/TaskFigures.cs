using System.Text.Json.Serialization;

namespace VisualAgent.Bench.Reports;

/// <summary>
/// A model's figures on a task suite beside its score (summary.json "tasks"): the agent's verdicts and the app's truth
/// counted apart, how many instructions the grammar read or refused, and the time per step.
/// </summary>
public sealed record TaskFigures
{
    /// <summary>Tasks per agent verdict: succeeded, failed, blocked, refused, error, not_run.</summary>
    [JsonPropertyName("verdicts")]
    public required IReadOnlyDictionary<string, int> Verdicts { get; init; }

    /// <summary>Tasks per app truth: true, false, unknown (not_run tasks left out).</summary>
    [JsonPropertyName("truth")]
    public required IReadOnlyDictionary<string, int> Truth { get; init; }

    /// <summary>Tasks whose instruction (or steps) was read: the agent's run started.</summary>
    [JsonPropertyName("read")]
    public int Read { get; init; }

    /// <summary>Tasks refused before any step: the text is not in the offline step grammar.</summary>
    [JsonPropertyName("refused_by_grammar")]
    public int RefusedByGrammar { get; init; }

    /// <summary>Runs that stopped at a step that could not be read exactly (an ambiguous target, a phrase not understood).</summary>
    [JsonPropertyName("refused_in_run")]
    public int RefusedInRun { get; init; }

    /// <summary>Share of the tasks that ran or were refused (not_run and errors before a run left out) that the grammar refused outright, 0..1.</summary>
    [JsonPropertyName("refused_share")]
    public double RefusedShare { get; init; }

    [JsonPropertyName("not_run")]
    public int NotRun { get; init; }

    /// <summary>Time per step (started to ended) over every step of every run, ms.</summary>
    [JsonPropertyName("step_ms")]
    public LatencyFigures? StepMs { get; init; }

    [JsonPropertyName("steps")]
    public int Steps { get; init; }
}
