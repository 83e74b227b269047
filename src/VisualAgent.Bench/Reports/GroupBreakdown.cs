using System.Text.Json.Serialization;

namespace VisualAgent.Bench.Reports;

/// <summary>
/// Scores broken down by the cross product of group fields. Micro = mean over samples (every sample weighs the
/// same); macro = mean over cells (every cell weighs the same).
/// </summary>
public sealed record GroupBreakdown
{
    [JsonPropertyName("fields")]
    public required IReadOnlyList<string> Fields { get; init; }

    [JsonPropertyName("name")]
    public string Name => string.Join(" x ", Fields);

    [JsonPropertyName("micro")]
    public double Micro { get; init; }

    [JsonPropertyName("macro")]
    public double Macro { get; init; }

    [JsonPropertyName("cells")]
    public IReadOnlyList<GroupCell> Cells { get; init; } = [];
}

/// <summary>One cell: its key (field -> value), how many samples, their mean score.</summary>
public sealed record GroupCell(
    [property: JsonPropertyName("key")] IReadOnlyDictionary<string, string> Key,
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("score")] double Score)
{
    [JsonIgnore]
    public string Label => string.Join(" / ", Key.Values);
}
