using System.Text.Json.Serialization;

namespace VisualAgent.Bench.Suites;

/// <summary>A suite entry that was skipped (malformed line, missing image, box outside the image, duplicate id).</summary>
public sealed record SuiteIssue(
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("reason")] string Reason)
{
    public override string ToString() => Id is null ? $"line {Line}: {Reason}" : $"line {Line} ({Id}): {Reason}";
}
