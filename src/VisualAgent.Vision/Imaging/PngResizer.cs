using VisualAgent.Geometry;

namespace VisualAgent.Vision;

/// <summary>The model layer's resizer: PNG bytes in, PNG bytes of exactly the requested size out (area interpolation when shrinking).</summary>
public static class PngResizer
{
    public static byte[] Resize(ReadOnlyMemory<byte> png, PixelSize size)
    {
        using var frame = FrameCache.Shared.Rent(png.Span);
        if (frame.Image.Size == size)
        {
            return png.ToArray();
        }

        using var resized = frame.Image.Resize(size);
        return resized.EncodePng();
    }
}
