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

    [JsonPropertyName("notes")]
    public IReadOnlyList<string> Notes { get; init; } = [];

    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }
}
