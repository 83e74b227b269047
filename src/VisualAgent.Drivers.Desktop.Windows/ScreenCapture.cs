using System.Runtime.Versioning;
using VisualAgent.Drivers.Desktop.Windows.Interop;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Desktop.Windows;

/// <summary>The virtual screen (every monitor) with BitBlt into a 32-bit top-down DIB, as RGB pixels.</summary>
[SupportedOSPlatform("windows")]
internal static unsafe class ScreenCapture
{
    public static (byte[] Rgb, PixelSize Size) CaptureRgb()
    {
        var (x, y) = (Win32.GetSystemMetrics(Win32.SmXVirtualScreen), Win32.GetSystemMetrics(Win32.SmYVirtualScreen));
        var (w, h) = (Win32.GetSystemMetrics(Win32.SmCxVirtualScreen), Win32.GetSystemMetrics(Win32.SmCyVirtualScreen));
        var screen = Win32.GetDC(0);
        var memory = Win32.CreateCompatibleDC(screen);
        var header = new Win32.BitmapInfoHeader { Size = sizeof(Win32.BitmapInfoHeader), Width = w, Height = -h, Planes = 1, BitCount = 32 };
        var bitmap = Win32.CreateDIBSection(screen, header, 0, out var bits, 0, 0);
        try
        {
            if (bitmap == 0 || bits is null)
            {
                throw new DriverException($"CreateDIBSection failed for the {w}x{h} screen.");
            }

            var old = Win32.SelectObject(memory, bitmap);
            if (Win32.BitBlt(memory, 0, 0, w, h, screen, x, y, Win32.SrcCopy) == 0)
            {
                throw new DriverException("BitBlt of the screen failed (a secure desktop or a locked session cannot be captured).");
            }

            Win32.SelectObject(memory, old);
            var rgb = new byte[w * h * 3];
            var src = new ReadOnlySpan<byte>(bits, w * h * 4);
            for (int i = 0, j = 0; i < rgb.Length; i += 3, j += 4)
            {
                rgb[i] = src[j + 2];
                rgb[i + 1] = src[j + 1];
                rgb[i + 2] = src[j];
            }

            return (rgb, new PixelSize(w, h));
        }
        finally
        {
            if (bitmap != 0)
            {
                Win32.DeleteObject(bitmap);
            }

            Win32.DeleteDC(memory);
            Win32.ReleaseDC(0, screen);
        }
    }
}
