using VisualAgent.Geometry;

namespace VisualAgent.Vision;

/// <summary>A contour's bounding box and the area the contour encloses.</summary>
public sealed record ContourBox(ScreenBox Box, double Area)
{
    /// <summary>Contour area over bounding-box area: near 1 for filled rectangles.</summary>
    public double Fill => Box.Area <= 0 ? 0 : Area / Box.Area;
}
