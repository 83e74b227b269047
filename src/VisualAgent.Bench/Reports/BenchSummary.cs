using System.Text.Json.Serialization;
using VisualAgent.Bench.Suites;

namespace VisualAgent.Bench.Reports;

/// <summary>summary.json: {"suite", "models": [{"model", "score", "n", ...}], then the run's details.</summary>
public sealed record BenchSummary
{
    [JsonPropertyName("suite")]
    public required string Suite { get; init; }

    [JsonPropertyName("models")]
    public required IReadOnlyList<ModelSummary> Models { get; init; }

    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    [JsonPropertyName("metric")]
    public required string Metric { get; init; }

    /// <summary>Tasks: what the agent was given, "instruction" or "solution" (--instructions); null for other suites.</summary>
    [JsonPropertyName("mode")]
    public string? Mode { get; init; }

    /// <summary>Tasks: false successes over all models (verdict succeeded, truth not true); null for other suites.</summary>
    [JsonPropertyName("false_successes")]
    public int? FalseSuccesses { get; init; }

    /// <summary>How grounding hits are decided, stated in every report.</summary>
    [JsonPropertyName("rule")]
    public string? Rule { get; init; }

    [JsonPropertyName("samples")]
    public int Samples { get; init; }

    [JsonPropertyName("skipped_input")]
    public int SkippedInput { get; init; }

    [JsonPropertyName("input_issues")]
    public IReadOnlyList<SuiteIssue> InputIssues { get; init; } = [];

    /// <summary>Samples that loaded but proved unusable when run (a corrupt image): reported apart, scored for no model.</summary>
    [JsonPropertyName("bad_input")]
    public IReadOnlyList<BadInputSample> BadInput { get; init; } = [];

    /// <summary>What needs attention before the figures (tasks: false successes; the share of instructions refused by the grammar and what to use instead).</summary>
    [JsonPropertyName("warnings")]
    public IReadOnlyList<string> Warnings { get; init; } = [];

    [JsonPropertyName("notes")]
    public IReadOnlyList<string> Notes { get; init; } = [];

    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }
}
