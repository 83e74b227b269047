using VisualAgent.Geometry;

namespace VisualAgent.Vision;

/// <summary>Where a template matched best, and how well (TM_CCOEFF_NORMED, -1..1).</summary>
public sealed record TemplateMatch(ScreenBox Box, double Score);
