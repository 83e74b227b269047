using OpenCvSharp;
using VisualAgent.Geometry;
using VisualAgent.Vision.Native;

namespace VisualAgent.Vision;

public sealed partial class Image
{
    /// <summary>Per-pixel absolute difference; both images must have the same size and channels.</summary>
    public Image AbsDiff(Image other)
    {
        RequireSameShape(other, "absdiff");
        var b = other.Mat;
        return Produce("absdiff", (s, d) => Cv2.Absdiff(s, b, d));
    }

    /// <summary>The changed fraction and the boxes of connected changed areas between this image and <paramref name="other"/>.
    /// A pixel changed when its largest channel difference exceeds the threshold; changed areas closer than
    /// <see cref="ChangeOptions.Grow"/> join; areas below <see cref="ChangeOptions.MinRegionArea"/> are dropped.</summary>
    public ChangeReport ChangedRegions(Image other, ChangeOptions? options = null)
    {
        options ??= ChangeOptions.Default;
        RequireSameShape(other, "changed regions");
        var max = Math.Max(0, options.MaxRegions);
        try
        {
            using var diff = new CountedMat();
            Cv2.Absdiff(Mat, other.Mat, diff);
            using var largest = new CountedMat();
            if (diff.Channels() > 1)
            {
                // The largest channel difference: a 1-row reduce over the channels, as max(max(b, g), r).
                using var b = new CountedMat();
                using var g = new CountedMat();
                using var r = new CountedMat();
                Cv2.ExtractChannel(diff, b, 0);
                Cv2.ExtractChannel(diff, g, 1);
                Cv2.ExtractChannel(diff, r, 2);
                Cv2.Max(b, g, largest);
                Cv2.Max(largest, r, largest);
            }
            else
            {
                diff.CopyTo(largest);
            }

            using var mask = new CountedMat();
            Cv2.Threshold(largest, mask, options.Threshold, 255, ThresholdTypes.Binary);
            var fraction = (double)Cv2.CountNonZero(mask) / mask.Total();
            if (options.Grow > 0)
            {
                using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new OpenCvSharp.Size((2 * options.Grow) + 1, (2 * options.Grow) + 1));
                Cv2.Dilate(mask, mask, kernel);
            }

            Cv2.FindContours(mask, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
            var whole = new Rect(0, 0, mask.Cols, mask.Rows);
            var regions = new List<ScreenBox>();
            foreach (var contour in contours)
            {
                var box = Cv2.BoundingRect(contour) & whole;
                if (box.Width * box.Height < options.MinRegionArea || regions.Count >= max)
                {
                    continue;
                }

                regions.Add(ScreenBox.FromXywh(box.X, box.Y, box.Width, box.Height));
            }

            regions.Sort((x, y) => y.Area.CompareTo(x.Area));
            return new ChangeReport(fraction, regions);
        }
        catch (OpenCVException ex)
        {
            throw Failed("changed regions", ex);
        }
    }

    /// <summary>Best match of <paramref name="template"/> in this image (gray, normalised cross-correlation).</summary>
    public TemplateMatch MatchTemplate(Image template)
    {
        if (template.Width > Width || template.Height > Height)
        {
            throw new InvalidOperationException(
                $"Image operation 'match template' failed: the template ({template.Size}) is larger than the image ({Size}).");
        }

        try
        {
            using var image = Gray(Mat);
            using var templ = Gray(template.Mat);
            using var result = new CountedMat();
            Cv2.MatchTemplate(image.Mat, templ.Mat, result, TemplateMatchModes.CCoeffNormed);
            Cv2.MinMaxLoc(result, out _, out double best, out _, out Point at);
            return new TemplateMatch(ScreenBox.FromXywh(at.X, at.Y, template.Width, template.Height), double.IsFinite(best) ? best : 0.0);
        }
        catch (OpenCVException ex)
        {
            throw Failed("match template", ex);
        }
    }

    /// <summary>Contours of a binary image (non-zero is foreground) as bounding boxes with their enclosed area.</summary>
    public IReadOnlyList<ContourBox> FindContours(bool externalOnly = true, int maxContours = 4096)
    {
        try
        {
            using var gray = Gray(Mat);
            Cv2.FindContours(gray.Mat, out var contours, out _, externalOnly ? RetrievalModes.External : RetrievalModes.List,
                ContourApproximationModes.ApproxSimple);
            var result = new List<ContourBox>(Math.Min(contours.Length, maxContours));
            for (var i = 0; i < Math.Min(contours.Length, maxContours); i++)
            {
                var r = Cv2.BoundingRect(contours[i]);
                result.Add(new ContourBox(ScreenBox.FromXywh(r.X, r.Y, r.Width, r.Height), (int)Cv2.ContourArea(contours[i])));
            }

            return result;
        }
        catch (OpenCVException ex)
        {
            throw Failed("find contours", ex);
        }
    }

    /// <summary>The mean colour (gray images report the same value in all three).</summary>
    public DrawColor MeanColor()
    {
        var s = Cv2.Mean(Mat);
        return Channels == 1
            ? new DrawColor((byte)Math.Round(s.Val0), (byte)Math.Round(s.Val0), (byte)Math.Round(s.Val0))
            : new DrawColor((byte)Math.Round(s.Val2), (byte)Math.Round(s.Val1), (byte)Math.Round(s.Val0));
    }

    private void RequireSameShape(Image other, string operation)
    {
        if (other.Size != Size || other.Channels != Channels)
        {
            throw new InvalidOperationException(
                $"Image operation '{operation}' failed: the images differ in size or type ({this} and {other}); compare images of one size and colour format.");
        }
    }
}
