using OpenCvSharp;

namespace VisualAgent.Vision.Native;

/// <summary>Turns whatever OpenCV decoded into the one format <see cref="Image"/> holds: 8-bit BGR.</summary>
internal static class PixelFormats
{
    /// <summary>Decodes PNG/JPEG bytes as they are (IMREAD_UNCHANGED) and normalises: 16-bit scaled down, gray expanded,
    /// alpha composited over white. An empty Mat when the decoder could not read the bytes.</summary>
    public static Mat DecodeToBgr8(ReadOnlySpan<byte> data)
    {
        var decoded = Cv2.ImDecode(data, ImreadModes.Unchanged);
        if (decoded.Empty() || (decoded.Depth() == MatType.CV_8U && decoded.Channels() == 3))
        {
            return decoded; // the common case (screenshots): no copy
        }

        try
        {
            return ToBgr8(decoded);
        }
        finally
        {
            decoded.Dispose();
        }
    }

    private static Mat ToBgr8(Mat source)
    {
        using var eight = new CountedMat();
        var m = source;
        if (m.Depth() == MatType.CV_16U)
        {
            m.ConvertTo(eight, MatType.CV_8U, 1.0 / 257.0);
            m = eight;
        }
        else if (m.Depth() != MatType.CV_8U)
        {
            m.ConvertTo(eight, MatType.CV_8U);
            m = eight;
        }

        var output = new Mat();
        try
        {
            switch (m.Channels())
            {
                case 1:
                    Cv2.CvtColor(m, output, ColorConversionCodes.GRAY2BGR);
                    break;
                case 3:
                    m.CopyTo(output);
                    break;
                case 4:
                    OverWhite(m, output);
                    break;
                default:
                    throw new OpenCVException(0, nameof(ToBgr8), $"unsupported channel count {m.Channels()}", "", 0);
            }
        }
        catch
        {
            output.Dispose();
            throw;
        }

        return output;
    }

    /// <summary>BGRA over a white background: out = bgr * a + 255 * (1 - a).</summary>
    private static void OverWhite(Mat bgra, Mat output)
    {
        using var bgr = new CountedMat();
        using var alpha = new CountedMat();
        Cv2.CvtColor(bgra, bgr, ColorConversionCodes.BGRA2BGR);
        Cv2.ExtractChannel(bgra, alpha, 3);
        using var alpha3 = new CountedMat();
        Cv2.CvtColor(alpha, alpha3, ColorConversionCodes.GRAY2BGR);
        using var bgrf = new CountedMat();
        using var a3 = new CountedMat();
        bgr.ConvertTo(bgrf, MatType.CV_32FC3);
        alpha3.ConvertTo(a3, MatType.CV_32FC3, 1.0 / 255.0);
        using var inverse = new CountedMat();
        Cv2.Subtract(Scalar.All(1), a3, inverse);
        using var fore = new CountedMat();
        Cv2.Multiply(bgrf, a3, fore);
        using var blended = new CountedMat();
        Cv2.ScaleAdd(inverse, 255.0, fore, blended);
        blended.ConvertTo(output, MatType.CV_8UC3);
    }
}
