using VisualAgent.Geometry;

namespace VisualAgent.Vision;

/// <summary>The model layer's resizer: PNG bytes in, PNG bytes of exactly the requested size out (area interpolation when shrinking).</summary>
public static class PngResizer
{
    public static byte[] Resize(ReadOnlyMemory<byte> png, PixelSize size)
    {
        using var image = Image.Decode(png.Span);
        if (image.Size == size)
        {
            return png.ToArray();
        }

        using var resized = image.Resize(size);
        return resized.EncodePng();
    }
}
