using System.Text.Json.Serialization;

namespace VisualAgent.Bench.Scoring;

/// <summary>The result of `bench score`: overall micro accuracy, per cell, macro average, counts (fractions 0..1).</summary>
public sealed record ScoreReport
{
    [JsonPropertyName("n")]
    public int N { get; init; }

    [JsonPropertyName("correct")]
    public int Correct { get; init; }

    [JsonPropertyName("accuracy")]
    public double Accuracy { get; init; }

    /// <summary>Mean of the cells' accuracies (equals <see cref="Accuracy"/> when there are no groups).</summary>
    [JsonPropertyName("macro_accuracy")]
    public double MacroAccuracy { get; init; }

    [JsonPropertyName("wrong_format")]
    public int WrongFormat { get; init; }

    /// <summary>Mean IoU over lines that predicted a box; null when none did.</summary>
    [JsonPropertyName("mean_iou")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? MeanIou { get; init; }

    [JsonPropertyName("skipped_lines")]
    public IReadOnlyList<SkippedLine> SkippedLines { get; init; } = [];

    [JsonPropertyName("groups")]
    public IReadOnlyList<GroupScore> Groups { get; init; } = [];
}

/// <summary>One cell of the --group-by cross product.</summary>
public sealed record GroupScore(
    [property: JsonPropertyName("key")] IReadOnlyDictionary<string, string> Key,
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("correct")] int Correct,
    [property: JsonPropertyName("accuracy")] double Accuracy);

/// <summary>A line that was not scored (malformed JSON, missing fields, duplicate id), with its number.</summary>
public sealed record SkippedLine(
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("reason")] string Reason);
