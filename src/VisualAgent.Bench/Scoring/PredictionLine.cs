using VisualAgent.Geometry;

namespace VisualAgent.Bench.Scoring;

/// <summary>One scored prediction of `bench score`.</summary>
public sealed record PredictionLine
{
    public required string Id { get; init; }

    public required int LineNumber { get; init; }

    public required ScreenBox Truth { get; init; }

    /// <summary>The predicted point in original-image pixels (a box's centre), or null when none was usable.</summary>
    public ScreenPoint? Point { get; init; }

    public ScreenBox? PredictedBox { get; init; }

    /// <summary>Why no usable prediction exists (wrong format), when it does not.</summary>
    public string? FormatError { get; init; }

    /// <summary>Every other field of the line, as text: the group keys.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    public bool Correct => GroundingHit.Of(Truth, Point);

    public double? Iou => PredictedBox is { } b ? b.IntersectionOverUnion(Truth) : null;
}
