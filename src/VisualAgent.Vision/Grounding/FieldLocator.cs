using VisualAgent.Geometry;

namespace VisualAgent.Vision.Grounding;

/// <summary>
/// The label rule: a field's input is an input-like control (never a button, link, heading or legend) after its
/// label in the reading direction: on the label's row to its right, within <c>rowGap</c>, or else just below it,
/// starting under the label (left-aligned within 40 px, or spanning the label's centre), within a few label heights.
/// </summary>
internal static class FieldLocator
{
    public static ScreenBox? FindInput(ScreenBox label, IReadOnlyList<ScreenBox> inputs, double maxDistance)
    {
        var rowGap = Math.Min(maxDistance, 300);
        var belowGap = Math.Min(maxDistance, Math.Max(40, 3 * label.Height));
        ScreenBox? right = null;
        ScreenBox? below = null;
        double rightDistance = double.MaxValue, belowDistance = double.MaxValue;
        foreach (var c in inputs)
        {
            if (c.Contains(label.Center) || (c.Width > 20 * c.Height && c.Width > 600))
            {
                continue; // the label's own container, or a band across the page
            }

            var cy = label.Center.Y;
            if (c.X1 >= label.X2 - 4 && cy >= c.Y1 && cy <= c.Y2)
            {
                var d = c.X1 - label.X2;
                if (d <= rowGap && d < rightDistance)
                {
                    (right, rightDistance) = (c, d);
                }
            }
            else if (c.Y1 >= label.Y2 - 4
                && (Math.Abs(c.X1 - label.X1) <= 40 || (label.Center.X >= c.X1 && label.Center.X <= c.X2))
                && c.X1 >= label.X1 - 40)
            {
                var d = c.Y1 - label.Y2;
                if (d <= belowGap && d < belowDistance)
                {
                    (below, belowDistance) = (c, d);
                }
            }
        }

        return right ?? below;
    }
}
