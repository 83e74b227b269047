using VisualAgent.Bench.Datasets;
using VisualAgent.Geometry;

namespace VisualAgent.Tests.Datasets;

/// <summary>One sample's outcome: a hit when the grounder's point lies inside the true box (edges inclusive).</summary>
internal sealed record GroundingSampleResult
{
    public required GroundingSample Sample { get; init; }

    public required ScreenBox Truth { get; init; }

    public bool Found { get; init; }

    public bool Hit { get; init; }

    /// <summary>The grounder's confidence (0..1) in its answer; 0 for a refusal.</summary>
    public double Confidence { get; init; }

    public ScreenPoint? Point { get; init; }

    public ScreenBox? PredictedBox { get; init; }

    public TimeSpan Latency { get; init; }

    /// <summary>The grounder's explanation (OCR) or raw reply (models).</summary>
    public string? Raw { get; init; }

    public string? Error { get; init; }

    /// <summary>The sample's label kind, <see cref="LabelKinds.Other"/> when it has none.</summary>
    public string LabelKind => Sample.LabelKind ?? LabelKinds.Other;
}
