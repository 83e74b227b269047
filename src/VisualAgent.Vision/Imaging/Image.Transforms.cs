using VisualAgent.Geometry;
using VisualAgent.Vision.Native;

namespace VisualAgent.Vision;

public sealed partial class Image
{
    public Image Clone() => Wrap(VaNative.Clone(_mat, out var r), r, "clone");

    /// <summary>Resizes to exactly <paramref name="size"/>: INTER_AREA when shrinking, bicubic when enlarging.</summary>
    public Image Resize(PixelSize size)
    {
        if (size.IsEmpty)
        {
            throw new ArgumentException($"Cannot resize to an empty size {size}.", nameof(size));
        }

        return Wrap(VaNative.Resize(_mat, size.Width, size.Height, out var r), r, "resize");
    }

    /// <summary>Scales both sides by <paramref name="factor"/>.</summary>
    public Image Scale(double factor) =>
        Resize(new PixelSize(Math.Max(1, (int)Math.Round(Width * factor)), Math.Max(1, (int)Math.Round(Height * factor))));

    /// <summary>Copies the part of the image inside <paramref name="box"/> (rounded outwards, clipped to the image).</summary>
    public Image Crop(ScreenBox box)
    {
        var x1 = Math.Clamp((int)Math.Floor(box.X1), 0, Width);
        var y1 = Math.Clamp((int)Math.Floor(box.Y1), 0, Height);
        var x2 = Math.Clamp((int)Math.Ceiling(box.X2), 0, Width);
        var y2 = Math.Clamp((int)Math.Ceiling(box.Y2), 0, Height);
        if (x2 <= x1 || y2 <= y1)
        {
            throw new ArgumentException($"Crop box {box} does not overlap the {Size} image.", nameof(box));
        }

        return Wrap(VaNative.Crop(_mat, x1, y1, x2 - x1, y2 - y1, out var r), r, "crop");
    }

    public Image ToGray() => Wrap(VaNative.Convert(_mat, 0, out var r), r, "to gray");

    public Image ToBgr() => Wrap(VaNative.Convert(_mat, 1, out var r), r, "to bgr");

    /// <summary>Every channel becomes 255 - value.</summary>
    public Image Invert() => Wrap(VaNative.Convert(_mat, 2, out var r), r, "invert");

    /// <summary>A gray 0/255 image: 255 where gray &gt; <paramref name="value"/> (or &lt;= when inverse).</summary>
    public Image Threshold(double value, bool inverse = false) =>
        Wrap(VaNative.Threshold(_mat, value, inverse ? 1 : 0, 0, out var r), r, "threshold");

    /// <summary>Threshold chosen by Otsu's method.</summary>
    public Image ThresholdOtsu(bool inverse = false) =>
        Wrap(VaNative.Threshold(_mat, 0, inverse ? 1 : 0, 1, out var r), r, "threshold otsu");

    /// <summary>Canny edges as a gray 0/255 image.</summary>
    public Image Canny(double low = 50, double high = 150) => Wrap(VaNative.Canny(_mat, low, high, out var r), r, "canny");

    public Image Morphology(MorphologyOperation operation, int kernelWidth = 3, int kernelHeight = 3, int iterations = 1) =>
        Wrap(VaNative.Morphology(_mat, (int)operation, kernelWidth, kernelHeight, iterations, out var r), r, "morphology");
}
