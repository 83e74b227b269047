using VisualAgent.Geometry;

namespace VisualAgent.Vision.Grounding;

/// <summary>The label rule: a field's input is the nearest input-shaped control right of its label (same row) or
/// below it (left-aligned or overlapping).</summary>
internal static class FieldLocator
{
    public static ScreenBox? FindInput(ScreenBox label, IReadOnlyList<ScreenBox> controls, double maxDistance)
    {
        ScreenBox? best = null;
        var bestDistance = double.MaxValue;
        foreach (var c in controls)
        {
            if (c.Width < c.Height * 1.5 || (c.Width > 20 * c.Height && c.Width > 600) || Contains(c, label.Center))
            {
                continue; // not input-shaped (a table row or a panel is not an input), or the label's own container
            }

            double distance;
            var cy = label.Center.Y;
            if (c.X1 >= label.X2 - 4 && cy >= c.Y1 && cy <= c.Y2)
            {
                distance = c.X1 - label.X2;
            }
            else if (c.Y1 >= label.Y2 - 4 && (Math.Abs(c.X1 - label.X1) <= 40 || (label.Center.X >= c.X1 && label.Center.X <= c.X2)))
            {
                distance = (c.Y1 - label.Y2) * 1.5; // rows are closer together than columns
            }
            else
            {
                continue;
            }

            if (distance <= maxDistance && distance < bestDistance)
            {
                bestDistance = distance;
                best = c;
            }
        }

        return best;
    }

    public static bool Contains(ScreenBox box, ScreenPoint p) => box.Contains(p);
}
