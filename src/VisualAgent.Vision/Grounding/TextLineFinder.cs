using VisualAgent.Geometry;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Vision.Grounding;

/// <summary>
/// Finds lines of text the full-page read did not see: edges of any polarity (so light text on colour, a gradient or
/// a mid-grey panel shows as well as dark text on white), joined into word blobs and then into lines; the lines that
/// no confident OCR word covers are proposed for a read of their own (upscaled, polarity normalised).
/// </summary>
internal static class TextLineFinder
{
    private const int MinHeight = 7;
    private const int MaxHeight = 48;

    public static IReadOnlyList<ScreenBox> Unread(Image image, OcrResult page, IReadOnlyList<ScreenBox> controls)
    {
        using var edges = image.Canny(30, 90);
        using var joined = edges.Morphology(MorphologyOperation.Dilate, 5, 3);
        var blobs = joined.FindContours(externalOnly: false, maxContours: 8192)
            .Select(c => c.Box)
            .Where(b => b.Width >= 6 && b.Width <= image.Width * 0.6 && b.Height <= 3 * MaxHeight)
            .SelectMany(b => OutsideControls(b, controls))
            .Where(b => b.Height is >= MinHeight and <= MaxHeight && b.Width >= 6)
            .OrderBy(b => b.Center.Y)
            .ToList();
        var lines = new List<ScreenBox>();
        foreach (var blob in blobs)
        {
            var i = lines.FindIndex(l => SameLine(l, blob));
            if (i >= 0)
            {
                lines[i] = TextMatcher.Union([lines[i], blob]);
            }
            else
            {
                lines.Add(blob);
            }
        }

        // A confident word covers a line only if it is about as tall: a word box that swallowed a label and the field
        // under it ("co" over "Country:" and its input) does not count as reading that label.
        var words = page.Words.Where(w => w.Confidence >= 60 && TextSimilarity.Normalize(w.Text).Length > 0).Select(w => w.Box).ToList();
        return lines
            .Where(l => l.Height is >= MinHeight and <= MaxHeight && l.Width >= 8)
            .Where(l => Covered(l, words.Where(w => w.Height <= 1.6 * l.Height).ToList()) < 0.5)
            .ToList();
    }

    // A blob that ran into a control (a label whose descenders touch the field under it) is cut to the parts outside
    // the control; the control itself is read by the control re-reads.
    private static IEnumerable<ScreenBox> OutsideControls(ScreenBox blob, IReadOnlyList<ScreenBox> controls)
    {
        foreach (var c in controls)
        {
            var ix = Math.Min(blob.X2, c.X2) - Math.Max(blob.X1, c.X1);
            var iy = Math.Min(blob.Y2, c.Y2) - Math.Max(blob.Y1, c.Y1);
            if (ix <= 0 || iy <= 0 || ix * iy < 0.4 * c.Area)
            {
                continue;
            }

            return new[]
            {
                new ScreenBox(blob.X1, blob.Y1, blob.X2, c.Y1),
                new ScreenBox(blob.X1, c.Y2, blob.X2, blob.Y2),
                new ScreenBox(blob.X1, Math.Max(blob.Y1, c.Y1), c.X1, Math.Min(blob.Y2, c.Y2)),
                new ScreenBox(c.X2, Math.Max(blob.Y1, c.Y1), blob.X2, Math.Min(blob.Y2, c.Y2)),
            }.Where(p => p.Width >= 6 && p.Height >= MinHeight);
        }

        return [blob];
    }

    // Same text line: the boxes overlap vertically by most of the smaller height and the gap between them is less than
    // a line height (or one holds the other).
    private static bool SameLine(ScreenBox a, ScreenBox b)
    {
        var overlap = Math.Min(a.Y2, b.Y2) - Math.Max(a.Y1, b.Y1);
        if (overlap < 0.5 * Math.Min(a.Height, b.Height))
        {
            return false;
        }

        var gap = Math.Max(a.X1, b.X1) - Math.Min(a.X2, b.X2);
        return gap <= Math.Max(a.Height, b.Height) && TextMatcher.Union([a, b]).Height <= 1.6 * Math.Max(a.Height, b.Height);
    }

    private static double Covered(ScreenBox line, List<ScreenBox> words)
    {
        double covered = 0;
        foreach (var w in words)
        {
            var ix = Math.Min(line.X2, w.X2) - Math.Max(line.X1, w.X1);
            var iy = Math.Min(line.Y2, w.Y2) - Math.Max(line.Y1, w.Y1);
            if (ix > 0 && iy > 0)
            {
                covered += ix * iy;
            }
        }

        return covered / Math.Max(1, line.Area);
    }
}
