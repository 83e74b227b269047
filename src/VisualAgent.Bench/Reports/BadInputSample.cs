using System.Text.Json.Serialization;

namespace VisualAgent.Bench.Reports;

/// <summary>A sample whose input proved unusable when it was run (e.g. a corrupt image), and why.</summary>
public sealed record BadInputSample(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("reason")] string Reason);
