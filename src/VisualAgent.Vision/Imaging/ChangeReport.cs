using VisualAgent.Geometry;

namespace VisualAgent.Vision;

/// <summary>What changed between two same-sized images: the changed fraction of pixels (0..1) and the boxes of
/// connected changed areas (largest first).</summary>
public sealed record ChangeReport(double ChangedFraction, IReadOnlyList<ScreenBox> Regions)
{
    public bool Changed => ChangedFraction > 0;
}
