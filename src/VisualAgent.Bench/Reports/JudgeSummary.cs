using System.Text.Json.Serialization;

namespace VisualAgent.Bench.Reports;

/// <summary>
/// One model's caption judge figures in summary.json: the mean 1-5 rubric score over the judged samples with a 95 %
/// bootstrap interval, kept apart from the headline score. Unparsed replies and failed calls are counted, not scored.
/// </summary>
public sealed record JudgeSummary
{
    [JsonPropertyName("profile")]
    public required string Profile { get; init; }

    /// <summary>Mean rubric score, 1..5; null when no sample was judged.</summary>
    [JsonPropertyName("mean")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? Mean { get; init; }

    /// <summary>Samples with a judge score.</summary>
    [JsonPropertyName("n")]
    public int N { get; init; }

    [JsonPropertyName("ci95")]
    public double[]? Ci95 { get; init; }

    /// <summary>True for a sim-* judge: its scores derive from BLEU-4 of the candidate, not from a model's judgement.</summary>
    [JsonPropertyName("simulated")]
    public bool Simulated { get; init; }

    /// <summary>Replies holding no integer 1-5.</summary>
    [JsonPropertyName("judge_unparsed")]
    public int Unparsed { get; init; }

    /// <summary>Judge calls that failed (timeout, error, unreachable).</summary>
    [JsonPropertyName("judge_failed")]
    public int Failed { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
