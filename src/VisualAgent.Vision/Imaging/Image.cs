using System.Runtime.InteropServices;
using OpenCvSharp;
using VisualAgent.Drivers;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Imaging;
using VisualAgent.Vision.Native;

namespace VisualAgent.Vision;

/// <summary>
/// An 8-bit image (BGR, or gray after <see cref="ToGray"/>) held as an OpenCV Mat (OpenCvSharp). Every operation returns
/// a new image the caller disposes, except the Draw* methods, which paint in place.
/// </summary>
public sealed partial class Image : IDisposable
{
    /// <summary>The default decode limit: 100 megapixels.</summary>
    public const long DefaultMaxPixels = 100_000_000;

    private readonly Mat _mat;
    private int _disposed;

    static Image() => OpenCvRuntime.EnsureSystemLibrariesFirst();

    private Image(Mat mat, string operation)
    {
        if (mat.Empty() || (mat.Channels() != 1 && mat.Channels() != 3) || mat.Depth() != MatType.CV_8U)
        {
            var what = mat.Empty() ? "no image" : $"an unsupported {mat.Type()} image";
            mat.Dispose();
            throw new InvalidOperationException($"Image operation '{operation}' returned {what}.");
        }

        _mat = mat;
        Size = new PixelSize(mat.Cols, mat.Rows);
        Channels = mat.Channels();
        NativeDiagnostics.Created();
    }

    public PixelSize Size { get; }

    public int Width => Size.Width;

    public int Height => Size.Height;

    /// <summary>3 for BGR, 1 for gray.</summary>
    public int Channels { get; }

    /// <summary>The Mat itself (still owned by this image).</summary>
    internal Mat Mat
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return _mat;
        }
    }

    /// <summary>Decodes PNG or JPEG bytes. The header is checked first: images over <paramref name="maxPixels"/>,
    /// empty or unknown formats are refused with <see cref="ImageFormatException"/> before any pixel is decoded.
    /// Gray, 16-bit, palette and alpha PNGs and CMYK JPEGs come out as 8-bit BGR (alpha over white).</summary>
    public static Image Decode(ReadOnlySpan<byte> data, long maxPixels = DefaultMaxPixels)
    {
        if (data.IsEmpty)
        {
            throw new ImageFormatException("The image is empty (0 bytes).");
        }

        var format = ImageHeader.DetectFormat(data)
            ?? throw new ImageFormatException("The image is neither PNG nor JPEG: its first bytes are not a PNG or JPEG signature.");
        if (!ImageHeader.TryReadSize(data, out var declared))
        {
            throw new ImageFormatException($"The {format} header is truncated or corrupt: no image size found.");
        }

        if (declared.IsEmpty)
        {
            throw new ImageFormatException($"The {format} header declares an empty image ({declared}).");
        }

        if (declared.Area > maxPixels)
        {
            throw new ImageFormatException(
                $"The {format} image is {declared} = {declared.Area:N0} pixels, over the limit of {maxPixels:N0}; refused before decoding.");
        }

        Mat bgr;
        try
        {
            bgr = PixelFormats.DecodeToBgr8(data);
        }
        catch (OpenCVException ex)
        {
            throw new ImageFormatException($"The {format} image could not be decoded (truncated or corrupt): {ex.Message}");
        }

        if (bgr.Empty())
        {
            bgr.Dispose();
            throw new ImageFormatException($"The {format} image could not be decoded (truncated or corrupt): the decoder could not read the image.");
        }

        var image = new Image(bgr, "decode");
        if (image.Size != declared)
        {
            image.Dispose();
            throw new ImageFormatException($"The {format} image decoded to a size other than its header declares ({declared}).");
        }

        return image;
    }

    /// <summary>Decodes a driver's screenshot.</summary>
    public static Image Decode(Screenshot screenshot, long maxPixels = DefaultMaxPixels) => Decode(screenshot.Png.Span, maxPixels);

    /// <summary>Wraps raw BGRA pixels (X11 ZPixmap order); <paramref name="stride"/> 0 means width*4.</summary>
    public static Image FromBgra(ReadOnlySpan<byte> pixels, int width, int height, int stride = 0) =>
        FromPixels(pixels, width, height, stride, 4, ColorConversionCodes.BGRA2BGR);

    /// <summary>Wraps raw RGBA pixels; <paramref name="stride"/> 0 means width*4.</summary>
    public static Image FromRgba(ReadOnlySpan<byte> pixels, int width, int height, int stride = 0) =>
        FromPixels(pixels, width, height, stride, 4, ColorConversionCodes.RGBA2BGR);

    /// <summary>Wraps raw 8-bit gray pixels; <paramref name="stride"/> 0 means width.</summary>
    public static Image FromGray(ReadOnlySpan<byte> pixels, int width, int height, int stride = 0) =>
        FromPixels(pixels, width, height, stride, 1, null);

    /// <summary>A copy of the pixels, row after row without padding: BGR (3 bytes) or gray (1 byte) per pixel.</summary>
    public byte[] GetPixels()
    {
        var mat = Mat;
        var row = Width * Channels;
        var bytes = new byte[(long)row * Height];
        if (mat.IsContinuous())
        {
            Marshal.Copy(mat.Data, bytes, 0, bytes.Length);
            return bytes;
        }

        var step = (long)mat.Step();
        for (var y = 0; y < Height; y++)
        {
            Marshal.Copy(mat.Data + (nint)(step * y), bytes, row * y, row);
        }

        return bytes;
    }

    /// <summary>PNG bytes; <paramref name="compression"/> 0..9 (default 3: fast, screenshots stay small).</summary>
    public byte[] EncodePng(int compression = 3) =>
        Encode(".png", new ImageEncodingParam(ImwriteFlags.PngCompression, Math.Clamp(compression, 0, 9)), "encode png");

    /// <summary>JPEG bytes at <paramref name="quality"/> 1..100.</summary>
    public byte[] EncodeJpeg(int quality = 90) =>
        Encode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, Math.Clamp(quality, 1, 100)), "encode jpeg");

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _mat.Dispose();
            NativeDiagnostics.Released();
        }
    }

    public override string ToString() => $"Image {Size} x{Channels}";

    private static unsafe Image FromPixels(ReadOnlySpan<byte> pixels, int width, int height, int stride, int bytesPerPixel, ColorConversionCodes? conversion)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentException($"Image size {width}x{height} is empty.", nameof(width));
        }

        stride = stride == 0 ? width * bytesPerPixel : stride;
        if (stride < width * bytesPerPixel || (long)stride * (height - 1) + ((long)width * bytesPerPixel) > pixels.Length)
        {
            throw new ArgumentException($"{pixels.Length} bytes cannot hold {width}x{height} pixels with stride {stride}.", nameof(pixels));
        }

        var result = new Mat();
        try
        {
            fixed (byte* p = pixels)
            {
                using var view = Mat.FromPixelData(height, width, bytesPerPixel == 4 ? MatType.CV_8UC4 : MatType.CV_8UC1, (nint)p, stride);
                if (conversion is { } code)
                {
                    Cv2.CvtColor(view, result, code);
                }
                else
                {
                    view.CopyTo(result);
                }
            }
        }
        catch (OpenCVException ex)
        {
            result.Dispose();
            throw Failed("from pixels", ex);
        }

        return new Image(result, "from pixels");
    }

    private byte[] Encode(string extension, ImageEncodingParam parameter, string operation)
    {
        try
        {
            Cv2.ImEncode(extension, Mat, out var bytes, parameter);
            return bytes.Length > 0
                ? bytes
                : throw new InvalidOperationException($"Image operation '{operation}' failed: OpenCV produced no bytes.");
        }
        catch (OpenCVException ex)
        {
            throw Failed(operation, ex);
        }
    }

    /// <summary>Runs an OpenCV operation into a new Mat and wraps it; OpenCV's errors become a message naming the operation.</summary>
    private Image Produce(string operation, Action<Mat, Mat> body)
    {
        var source = Mat;
        var result = new Mat();
        try
        {
            body(source, result);
        }
        catch (OpenCVException ex)
        {
            result.Dispose();
            throw Failed(operation, ex);
        }
        catch
        {
            result.Dispose();
            throw;
        }

        return new Image(result, operation);
    }

    private static InvalidOperationException Failed(string operation, OpenCVException ex) =>
        new($"Image operation '{operation}' failed: {ex.ErrMsg} ({ex.FuncName})", ex);
}
