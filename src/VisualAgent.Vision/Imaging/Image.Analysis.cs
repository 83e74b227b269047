using VisualAgent.Geometry;
using VisualAgent.Vision.Native;

namespace VisualAgent.Vision;

public sealed partial class Image
{
    /// <summary>Per-pixel absolute difference; both images must have the same size and channels.</summary>
    public Image AbsDiff(Image other) => Wrap(VaNative.AbsDiff(_mat, other._mat, out var r), r, "absdiff");

    /// <summary>The changed fraction and the boxes of connected changed areas between this image and <paramref name="other"/>.</summary>
    public unsafe ChangeReport ChangedRegions(Image other, ChangeOptions? options = null)
    {
        options ??= ChangeOptions.Default;
        var max = Math.Max(0, options.MaxRegions);
        var boxes = new int[Math.Max(1, max * 4)];
        int count;
        double fraction;
        fixed (int* p = boxes)
        {
            VaNative.Check(
                VaNative.ChangedRegions(_mat, other._mat, options.Threshold, options.Grow, options.MinRegionArea, p, max, out count, out fraction),
                "changed regions");
        }

        var regions = new List<ScreenBox>(Math.Min(count, max));
        for (var i = 0; i < Math.Min(count, max); i++)
        {
            regions.Add(ScreenBox.FromXywh(boxes[i * 4], boxes[(i * 4) + 1], boxes[(i * 4) + 2], boxes[(i * 4) + 3]));
        }

        regions.Sort((a, b) => b.Area.CompareTo(a.Area));
        return new ChangeReport(fraction, regions);
    }

    /// <summary>Best match of <paramref name="template"/> in this image (gray, normalised cross-correlation).</summary>
    public TemplateMatch MatchTemplate(Image template)
    {
        VaNative.Check(VaNative.MatchTemplate(_mat, template._mat, out var x, out var y, out var score), "match template");
        return new TemplateMatch(ScreenBox.FromXywh(x, y, template.Width, template.Height), score);
    }

    /// <summary>Contours of a binary image (non-zero is foreground) as bounding boxes with their enclosed area.</summary>
    public unsafe IReadOnlyList<ContourBox> FindContours(bool externalOnly = true, int maxContours = 4096)
    {
        var rects = new int[Math.Max(1, maxContours * 5)];
        int count;
        fixed (int* p = rects)
        {
            VaNative.Check(VaNative.FindContours(_mat, externalOnly ? 0 : 1, p, maxContours, out count), "find contours");
        }

        var result = new List<ContourBox>(Math.Min(count, maxContours));
        for (var i = 0; i < Math.Min(count, maxContours); i++)
        {
            var o = i * 5;
            result.Add(new ContourBox(ScreenBox.FromXywh(rects[o], rects[o + 1], rects[o + 2], rects[o + 3]), rects[o + 4]));
        }

        return result;
    }

    /// <summary>The mean colour (gray images report the same value in all three).</summary>
    public DrawColor MeanColor()
    {
        VaNative.Check(VaNative.Mean(_mat, out var b, out var g, out var r), "mean");
        return Channels == 1
            ? new DrawColor((byte)Math.Round(b), (byte)Math.Round(b), (byte)Math.Round(b))
            : new DrawColor((byte)Math.Round(r), (byte)Math.Round(g), (byte)Math.Round(b));
    }
}
