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
    private const double DividerCoverage = 0.97;
    private const int MinPart = 10;
    private const int MinPartWidth = 16;

    /// <summary>Control boxes in reading order (top to bottom, then left to right).</summary>
    public static IReadOnlyList<ScreenBox> Detect(Image image)
    {
        using var edges = image.Canny(40, 120);
        using var thick = edges.Morphology(MorphologyOperation.Dilate, 3, 3);
        var pixels = thick.GetPixels();
        var width = thick.Width;
        using var grayImage = image.ToGray();
        var gray = grayImage.GetPixels();
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
                // Controls that touch or nearly touch (a button pair, a button against a text area, a decorative
                // block against a button) come out as one contour: cut it at its inner full-height dividers.
                candidates.AddRange(Split(gray, pixels, width, b));
            }
        }

        return Deduplicate(candidates)
            .OrderBy(b => Math.Round(b.Y1 / 10))
            .ThenBy(b => b.X1)
            .ToList();
    }

    /// <summary>The parts of a box between inner dividers: columns (or rows) where a thin line or a step between two
    /// grounds runs the whole height (or width) of the box, border to border. Text cannot do that inside a padded
    /// control; a shared border or the edge of a block that touches the control can, however faint (a 1 px #cbcbcb
    /// line between two #dcdcdc buttons).
    /// Each part keeps its own outline on the two sides that were not cut (a label beside a field, cut off the
    /// field's contour, has no top or bottom border and is dropped).</summary>
    internal static IEnumerable<ScreenBox> Split(byte[] gray, byte[] edges, int stride, ScreenBox b)
    {
        var columns = Dividers(gray, stride, b, vertical: true);
        var result = new List<ScreenBox>();
        foreach (var part in Cut(b, columns, vertical: true))
        {
            if (columns.Count > 0 && !Outlined(edges, stride, part, horizontalSides: true))
            {
                continue;
            }

            var rows = Dividers(gray, stride, part, vertical: false);
            result.AddRange(Cut(part, rows, vertical: false).Where(p => rows.Count == 0 || Outlined(edges, stride, p, horizontalSides: false)));
        }

        return result.Where(p => p.Width >= MinPartWidth && p.Height >= MinHeight);
    }

    private static bool Outlined(byte[] edges, int stride, ScreenBox b, bool horizontalSides)
    {
        int x1 = (int)b.X1, y1 = (int)b.Y1, x2 = (int)b.X2 - 1, y2 = (int)b.Y2 - 1;
        var inset = Math.Min(8, (horizontalSides ? x2 - x1 : y2 - y1) / 4);
        return horizontalSides
            ? Coverage(edges, stride, x1 + inset, x2 - inset, y1, 1, horizontal: true) >= MinSideCoverage
                && Coverage(edges, stride, x1 + inset, x2 - inset, y2, -1, horizontal: true) >= MinSideCoverage
            : Coverage(edges, stride, y1 + inset, y2 - inset, x1, 1, horizontal: false) >= MinSideCoverage
                && Coverage(edges, stride, y1 + inset, y2 - inset, x2, -1, horizontal: false) >= MinSideCoverage;
    }

    private static IEnumerable<ScreenBox> Cut(ScreenBox b, List<(int From, int To)> dividers, bool vertical)
    {
        var start = vertical ? b.X1 : b.Y1;
        foreach (var (from, to) in dividers.Append(((int)(vertical ? b.X2 : b.Y2), 0)))
        {
            var part = vertical ? new ScreenBox(start, b.Y1, from, b.Y2) : new ScreenBox(b.X1, start, b.X2, from);
            if ((vertical ? part.Width : part.Height) >= MinPart)
            {
                yield return part;
            }

            start = to;
        }
    }

    // Runs of columns (vertical) or rows, at least MinPart from either side of the box, where nearly every pixel
    // between the box's own borders is on a line or a step.
    private static List<(int From, int To)> Dividers(byte[] gray, int stride, ScreenBox b, bool vertical)
    {
        int x1 = (int)b.X1, y1 = (int)b.Y1, x2 = (int)b.X2 - 1, y2 = (int)b.Y2 - 1;
        var (lo, hi) = vertical ? (x1 + MinPart, x2 - MinPart) : (y1 + MinPart, y2 - MinPart);
        var (spanFrom, spanTo) = vertical ? (y1 + 3, y2 - 3) : (x1 + 3, x2 - 3);
        var runs = new List<(int From, int To)>();
        var rows = gray.Length / stride;
        if (hi <= lo || spanTo - spanFrom < 6 || x1 < 2 || y1 < 2 || x2 + 2 >= stride || y2 + 2 >= rows)
        {
            return runs;
        }

        var runStart = -1;
        var lastDivider = -100;
        for (var i = lo; i <= hi; i++)
        {
            var on = 0;
            for (var j = spanFrom; j <= spanTo; j++)
            {
                int At(int d) => vertical ? gray[(j * stride) + i + d] : gray[((i + d) * stride) + j];
                var line = Math.Abs((2 * At(0)) - At(-2) - At(2)) >= 16 && Math.Sign(At(0) - At(-2)) == Math.Sign(At(0) - At(2));
                var step = Math.Abs(At(1) - At(-1)) >= 12;
                on += line || step ? 1 : 0;
            }

            if (on < DividerCoverage * (spanTo - spanFrom + 1))
            {
                continue;
            }

            if (i - lastDivider > 4)
            {
                if (runStart >= 0)
                {
                    runs.Add((runStart, lastDivider + 1));
                }

                runStart = i;
            }

            lastDivider = i;
        }

        if (runStart >= 0)
        {
            runs.Add((runStart, lastDivider + 1));
        }

        return runs;
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
