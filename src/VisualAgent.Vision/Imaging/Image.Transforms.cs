using OpenCvSharp;
using VisualAgent.Geometry;

namespace VisualAgent.Vision;

public sealed partial class Image
{
    public Image Clone() => Produce("clone", static (s, d) => s.CopyTo(d));

    /// <summary>Resizes to exactly <paramref name="size"/>: INTER_AREA when shrinking, bicubic when enlarging.</summary>
    public Image Resize(PixelSize size)
    {
        if (size.IsEmpty)
        {
            throw new ArgumentException($"Cannot resize to an empty size {size}.", nameof(size));
        }

        var shrink = size.Area < Size.Area;
        return Produce("resize", (s, d) => Cv2.Resize(s, d, new OpenCvSharp.Size(size.Width, size.Height), 0, 0,
            shrink ? InterpolationFlags.Area : InterpolationFlags.Cubic));
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

        var roi = new Rect(x1, y1, x2 - x1, y2 - y1);
        return Produce("crop", (s, d) =>
        {
            using var view = new Mat(s, roi);
            view.CopyTo(d);
        });
    }

    public Image ToGray() => Produce("to gray", static (s, d) =>
    {
        if (s.Channels() == 1)
        {
            s.CopyTo(d);
        }
        else
        {
            Cv2.CvtColor(s, d, ColorConversionCodes.BGR2GRAY);
        }
    });

    public Image ToBgr() => Produce("to bgr", static (s, d) =>
    {
        if (s.Channels() == 3)
        {
            s.CopyTo(d);
        }
        else
        {
            Cv2.CvtColor(s, d, ColorConversionCodes.GRAY2BGR);
        }
    });

    /// <summary>Every channel becomes 255 - value.</summary>
    public Image Invert() => Produce("invert", static (s, d) => Cv2.BitwiseNot(s, d));

    /// <summary>A gray 0/255 image: 255 where gray &gt; <paramref name="value"/> (or &lt;= when inverse).</summary>
    public Image Threshold(double value, bool inverse = false) => ThresholdCore(value, inverse, otsu: false, "threshold");

    /// <summary>Threshold chosen by Otsu's method.</summary>
    public Image ThresholdOtsu(bool inverse = false) => ThresholdCore(0, inverse, otsu: true, "threshold otsu");

    /// <summary>Canny edges as a gray 0/255 image.</summary>
    public Image Canny(double low = 50, double high = 150) => Produce("canny", (s, d) =>
    {
        using var gray = Gray(s);
        Cv2.Canny(gray.Mat, d, low, high);
    });

    public Image Morphology(MorphologyOperation operation, int kernelWidth = 3, int kernelHeight = 3, int iterations = 1)
    {
        if (kernelWidth <= 0 || kernelHeight <= 0 || iterations <= 0 || !Enum.IsDefined(operation))
        {
            throw new ArgumentException(
                $"Morphology needs a known operation, a kernel of at least 1x1 and at least one iteration (got {operation}, {kernelWidth}x{kernelHeight}, {iterations}).");
        }

        var op = operation switch
        {
            MorphologyOperation.Dilate => MorphTypes.Dilate,
            MorphologyOperation.Erode => MorphTypes.Erode,
            MorphologyOperation.Close => MorphTypes.Close,
            MorphologyOperation.Open => MorphTypes.Open,
            _ => MorphTypes.Gradient,
        };
        return Produce("morphology", (s, d) =>
        {
            using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new OpenCvSharp.Size(kernelWidth, kernelHeight));
            Cv2.MorphologyEx(s, d, op, kernel, null, iterations);
        });
    }

    private Image ThresholdCore(double value, bool inverse, bool otsu, string operation) => Produce(operation, (s, d) =>
    {
        using var gray = Gray(s);
        var type = (inverse ? ThresholdTypes.BinaryInv : ThresholdTypes.Binary) | (otsu ? ThresholdTypes.Otsu : 0);
        Cv2.Threshold(gray.Mat, d, value, 255, type);
    });

    /// <summary>A gray view of <paramref name="source"/>: the Mat itself when it is gray, else a converted copy to dispose.</summary>
    private static GrayMat Gray(Mat source)
    {
        if (source.Channels() == 1)
        {
            return new GrayMat(source, null);
        }

        var gray = new Native.CountedMat();
        Cv2.CvtColor(source, gray, ColorConversionCodes.BGR2GRAY);
        return new GrayMat(gray, gray);
    }

    private readonly record struct GrayMat(Mat Mat, Mat? Owned) : IDisposable
    {
        public void Dispose() => Owned?.Dispose();
    }
}
