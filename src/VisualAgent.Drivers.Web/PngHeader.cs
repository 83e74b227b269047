using System.Buffers.Binary;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Web;

/// <summary>Reads a PNG's size from its IHDR chunk (no decoding).</summary>
internal static class PngHeader
{
    public static PixelSize ReadSize(ReadOnlySpan<byte> png)
    {
        // 8-byte signature, then the IHDR chunk: length (4), "IHDR" (4), width (4, big-endian), height (4).
        if (png.Length < 24 || png[0] != 0x89 || png[1] != (byte)'P' || png[12] != (byte)'I' || png[13] != (byte)'H')
        {
            throw new ImageFormatException("The browser returned a screenshot that is not a PNG.");
        }

        return new PixelSize(BinaryPrimitives.ReadInt32BigEndian(png[16..20]), BinaryPrimitives.ReadInt32BigEndian(png[20..24]));
    }
}
