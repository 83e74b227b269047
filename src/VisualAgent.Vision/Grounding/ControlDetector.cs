using VisualAgent.Geometry;

namespace VisualAgent.Vision.Grounding;

/// <summary>
/// Finds rectangular controls (buttons, inputs, filled colour blocks) on a screenshot: Canny edges, a small dilation,
/// all contours, then only boxes whose four sides are mostly covered by edges (text blobs are not) and whose size
/// fits a control. Nested duplicates (a border's outer and inner contour) are merged.
/// </summary>
public static class ControlDetector
{
    private const int MinWidth = 24;
    private const int MinHeight = 18;
    private const int MaxHeight = 120;
    private const double MinSideCoverage = 0.72;

    /// <summary>Control boxes in reading order (top to bottom, then left to right).</summary>
    public static IReadOnlyList<ScreenBox> Detect(Image image)
    {
        using var edges = image.Canny(40, 120);
        using var thick = edges.Morphology(MorphologyOperation.Dilate, 3, 3);
        var pixels = thick.GetPixels();
        var width = thick.Width;
        var candidates = new List<ScreenBox>();
        foreach (var contour in thick.FindContours(externalOnly: false))
        {
            var b = contour.Box;
            if (b.Width < MinWidth || b.Height < MinHeight || b.Height > MaxHeight || b.Width > image.Width * 0.8
                || b.Width / b.Height > 40)
            {
                continue;
            }

            if (SidesCovered(pixels, width, b))
            {
                candidates.Add(b);
            }
        }

        return Deduplicate(candidates)
            .OrderBy(b => Math.Round(b.Y1 / 10))
            .ThenBy(b => b.X1)
            .ToList();
    }

    private static bool SidesCovered(byte[] edges, int stride, ScreenBox b)
    {
        int x1 = (int)b.X1, y1 = (int)b.Y1, x2 = (int)b.X2 - 1, y2 = (int)b.Y2 - 1;
        var inset = Math.Min(8, (y2 - y1) / 4);
        return Coverage(edges, stride, x1 + inset, x2 - inset, y1, 1, horizontal: true) >= MinSideCoverage
            && Coverage(edges, stride, x1 + inset, x2 - inset, y2, -1, horizontal: true) >= MinSideCoverage
            && Coverage(edges, stride, y1 + inset, y2 - inset, x1, 1, horizontal: false) >= MinSideCoverage
            && Coverage(edges, stride, y1 + inset, y2 - inset, x2, -1, horizontal: false) >= MinSideCoverage;
    }

    // Share of positions along one side with an edge pixel within 3 px inwards of the side.
    private static double Coverage(byte[] edges, int stride, int from, int to, int at, int inward, bool horizontal)
    {
        if (to <= from)
        {
            return 0;
        }

        var hit = 0;
        for (var i = from; i <= to; i++)
        {
            for (var d = 0; d < 3; d++)
            {
                var (x, y) = horizontal ? (i, at + (d * inward)) : (at + (d * inward), i);
                var o = (y * stride) + x;
                if (x >= 0 && y >= 0 && x < stride && o < edges.Length && edges[o] != 0)
                {
                    hit++;
                    break;
                }
            }
        }

        return (double)hit / (to - from + 1);
    }

    private static List<ScreenBox> Deduplicate(List<ScreenBox> boxes)
    {
        var kept = new List<ScreenBox>();
        foreach (var b in boxes.OrderByDescending(b => b.Area))
        {
            // A border's inner contour (or a box inside a button) is the same control.
            if (!kept.Any(k => k.IntersectionOverUnion(b) > 0.7 || (Contains(k, b) && b.Area >= 0.55 * k.Area)))
            {
                kept.Add(b);
            }
        }

        return kept;
    }

    private static bool Contains(ScreenBox outer, ScreenBox inner) =>
        inner.X1 >= outer.X1 && inner.Y1 >= outer.Y1 && inner.X2 <= outer.X2 && inner.Y2 <= outer.Y2;
}
