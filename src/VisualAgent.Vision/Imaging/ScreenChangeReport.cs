using VisualAgent.Geometry;

namespace VisualAgent.Vision;

/// <summary>How much a screen changed after an action: overall, and within <see cref="Around"/> (the region around
/// the action point, when one was given).</summary>
public sealed record ScreenChangeReport(double ChangedFraction, double LocalChangedFraction, IReadOnlyList<ScreenBox> Regions, ScreenBox? Around)
{
    /// <summary>True when more than <paramref name="minFraction"/> of the screen (or of the region around the point) changed.</summary>
    public bool ChangedMoreThan(double minFraction) => ChangedFraction > minFraction || LocalChangedFraction > minFraction;
}
