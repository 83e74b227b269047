using VisualAgent.Drivers.Desktop.Imaging;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Desktop.X11;

/// <summary>The whole X screen (the root window) with XGetImage in ZPixmap format, as RGB pixels and as a PNG.</summary>
internal static unsafe class XScreenCapture
{
    /// <summary>RGB pixels (3 bytes a pixel, rows top to bottom) of the display, at its true size.</summary>
    public static (byte[] Rgb, PixelSize Size) CaptureRgb(XDisplay display, ScreenBox? region = null)
    {
        return display.Use(d =>
        {
            var full = new PixelSize(Xlib.XDisplayWidth(d, display.Screen), Xlib.XDisplayHeight(d, display.Screen));
            var (x, y, w, h) = region is { } r
                ? ((int)Math.Max(0, r.X1), (int)Math.Max(0, r.Y1), (int)Math.Min(full.Width, r.X2) - (int)Math.Max(0, r.X1), (int)Math.Min(full.Height, r.Y2) - (int)Math.Max(0, r.Y1))
                : (0, 0, full.Width, full.Height);
            if (w <= 0 || h <= 0)
            {
                throw new DriverException($"The region {region} is outside the display ({full}).");
            }

            var image = Xlib.XGetImage(d, display.Root, x, y, (uint)w, (uint)h, Xlib.AllPlanes, Xlib.ZPixmap);
            if (image is null)
            {
                throw new DriverException($"XGetImage of the display {display.Name} failed ({w}x{h} at {x},{y}).");
            }

            try
            {
                return (ToRgb(image), new PixelSize(w, h));
            }
            finally
            {
                Xlib.XDestroyImage(image);
            }
        });
    }

    public static Screenshot Capture(XDisplay display, TimeProvider time, string? location)
    {
        var (rgb, size) = CaptureRgb(display);
        return new Screenshot
        {
            Png = PngWriter.Encode(rgb, size.Width, size.Height),
            Size = size,
            DeviceScaleFactor = 1,
            CapturedAt = time.GetUtcNow(),
            Location = location,
        };
    }

    private static byte[] ToRgb(Xlib.XImage* image)
    {
        if (image->BitsPerPixel != 32 || image->RedMask != 0xFF0000 || image->GreenMask != 0xFF00 || image->BlueMask != 0xFF || image->ByteOrder != 0)
        {
            throw new DriverException(
                $"The display's pixel format is not supported: {image->BitsPerPixel} bits a pixel, depth {image->Depth}, masks {image->RedMask:x}/{image->GreenMask:x}/{image->BlueMask:x}; use a 24-bit screen (Xvfb -screen 0 1920x1080x24).");
        }

        var (w, h, stride) = (image->Width, image->Height, image->BytesPerLine);
        var rgb = new byte[w * h * 3];
        for (var y = 0; y < h; y++)
        {
            var src = new ReadOnlySpan<byte>(image->Data + (long)y * stride, w * 4);
            var dst = rgb.AsSpan(y * w * 3, w * 3);
            for (int i = 0, j = 0; i < dst.Length; i += 3, j += 4)
            {
                dst[i] = src[j + 2];
                dst[i + 1] = src[j + 1];
                dst[i + 2] = src[j];
            }
        }

        return rgb;
    }
}
