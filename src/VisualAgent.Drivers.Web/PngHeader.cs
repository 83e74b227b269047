using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Imaging;

namespace VisualAgent.Drivers.Web;

/// <summary>The size of a screenshot the browser returned, which must be a PNG.</summary>
internal static class PngHeader
{
    public static PixelSize ReadSize(ReadOnlySpan<byte> png) =>
        ImageHeader.DetectFormat(png) == "png" && ImageHeader.TryReadSize(png, out var size)
            ? size
            : throw new ImageFormatException("The browser returned a screenshot that is not a PNG.");
}
