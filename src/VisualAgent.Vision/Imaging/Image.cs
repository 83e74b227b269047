using System.Runtime.InteropServices;
using VisualAgent.Drivers;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Vision.Native;
using VisualAgent.Imaging;

namespace VisualAgent.Vision;

/// <summary>
/// An 8-bit image (BGR, or gray after <see cref="ToGray"/>) held as a native cv::Mat. Every operation returns a new
/// image the caller disposes, except the Draw* methods, which paint in place.
/// </summary>
public sealed partial class Image : IDisposable
{
    /// <summary>The default decode limit: 100 megapixels.</summary>
    public const long DefaultMaxPixels = 100_000_000;

    private readonly MatHandle _mat;

    private Image(MatHandle mat, string operation)
    {
        if (mat.IsInvalid)
        {
            mat.Dispose();
            throw new InvalidOperationException($"Image operation '{operation}' returned no image.");
        }

        _mat = mat;
        VaNative.Check(VaNative.Info(mat, out var w, out var h, out var c), "info");
        Size = new PixelSize(w, h);
        Channels = c;
    }

    public PixelSize Size { get; }

    public int Width => Size.Width;

    public int Height => Size.Height;

    /// <summary>3 for BGR, 1 for gray.</summary>
    public int Channels { get; }

    internal MatHandle Handle => _mat;

    /// <summary>Decodes PNG or JPEG bytes. The header is checked first: images over <paramref name="maxPixels"/>,
    /// empty or unknown formats are refused with <see cref="ImageFormatException"/> before any pixel is decoded.
    /// Gray, 16-bit, palette and alpha PNGs and CMYK JPEGs come out as 8-bit BGR (alpha over white).</summary>
    public static unsafe Image Decode(ReadOnlySpan<byte> data, long maxPixels = DefaultMaxPixels)
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

        int code;
        MatHandle mat;
        fixed (byte* p = data)
        {
            code = VaNative.Decode(p, data.Length, out mat);
        }

        if (code != VaNative.Ok)
        {
            mat.Dispose();
            throw new ImageFormatException($"The {format} image could not be decoded (truncated or corrupt): {VaNative.LastErrorMessage()}");
        }

        var image = new Image(mat, "decode");
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
        FromPixels(pixels, width, height, stride, 4, 0);

    /// <summary>Wraps raw RGBA pixels; <paramref name="stride"/> 0 means width*4.</summary>
    public static Image FromRgba(ReadOnlySpan<byte> pixels, int width, int height, int stride = 0) =>
        FromPixels(pixels, width, height, stride, 4, 1);

    /// <summary>Wraps raw 8-bit gray pixels; <paramref name="stride"/> 0 means width.</summary>
    public static Image FromGray(ReadOnlySpan<byte> pixels, int width, int height, int stride = 0) =>
        FromPixels(pixels, width, height, stride, 1, 4);

    /// <summary>A copy of the pixels, row after row without padding: BGR (3 bytes) or gray (1 byte) per pixel.</summary>
    public unsafe byte[] GetPixels()
    {
        var bytes = new byte[(long)Width * Height * Channels];
        fixed (byte* p = bytes)
        {
            VaNative.Check(VaNative.CopyPixels(_mat, p, bytes.LongLength), "pixels");
        }

        return bytes;
    }

    /// <summary>PNG bytes; <paramref name="compression"/> 0..9 (default 3: fast, screenshots stay small).</summary>
    public byte[] EncodePng(int compression = 3) => Encode(0, Math.Clamp(compression, 0, 9), "encode png");

    /// <summary>JPEG bytes at <paramref name="quality"/> 1..100.</summary>
    public byte[] EncodeJpeg(int quality = 90) => Encode(1, Math.Clamp(quality, 1, 100), "encode jpeg");

    public void Dispose() => _mat.Dispose();

    public override string ToString() => $"Image {Size} x{Channels}";

    private static unsafe Image FromPixels(ReadOnlySpan<byte> pixels, int width, int height, int stride, int bytesPerPixel, int format)
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

        MatHandle mat;
        fixed (byte* p = pixels)
        {
            VaNative.Check(VaNative.FromPixels(p, width, height, stride, format, out mat), "from pixels");
        }

        return new Image(mat, "from pixels");
    }

    private byte[] Encode(int format, int parameter, string operation)
    {
        VaNative.Check(VaNative.Encode(_mat, format, parameter, out var data, out var length), operation);
        try
        {
            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, length);
            return bytes;
        }
        finally
        {
            VaNative.FreeBuffer(data);
        }
    }

    private static Image Wrap(int code, MatHandle result, string operation)
    {
        if (code != VaNative.Ok)
        {
            result.Dispose();
            VaNative.Check(code, operation);
        }

        return new Image(result, operation);
    }
}
