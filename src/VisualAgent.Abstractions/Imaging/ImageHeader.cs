using System.Buffers.Binary;
using VisualAgent.Geometry;

namespace VisualAgent.Imaging;

/// <summary>Reads an image's size from its PNG IHDR or JPEG SOF header without decoding any pixels.</summary>
public static class ImageHeader
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>"png", "jpeg" or null when the bytes are neither.</summary>
    public static string? DetectFormat(ReadOnlySpan<byte> data) =>
        data.StartsWith(PngSignature) ? "png"
        : data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF ? "jpeg"
        : null;

    /// <summary>The size the header declares; false when the header is missing, truncated or not PNG/JPEG.</summary>
    public static bool TryReadSize(ReadOnlySpan<byte> data, out PixelSize size)
    {
        size = default;
        return DetectFormat(data) switch
        {
            "png" => TryReadPng(data, out size),
            "jpeg" => TryReadJpeg(data, out size),
            _ => false,
        };
    }

    private static bool TryReadPng(ReadOnlySpan<byte> data, out PixelSize size)
    {
        size = default;
        if (data.Length < 24 || !data.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return false;
        }

        var w = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(16, 4));
        var h = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(20, 4));
        size = new PixelSize((int)Math.Min(w, int.MaxValue), (int)Math.Min(h, int.MaxValue));
        return true;
    }

    private static bool TryReadJpeg(ReadOnlySpan<byte> data, out PixelSize size)
    {
        size = default;
        var pos = 2;
        while (pos + 4 <= data.Length)
        {
            if (data[pos] != 0xFF)
            {
                return false;
            }

            var marker = data[pos + 1];
            if (marker == 0xFF)
            {
                pos++; // fill byte
                continue;
            }

            if (marker is 0x01 or >= 0xD0 and <= 0xD8)
            {
                pos += 2; // standalone markers carry no length
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(pos + 2, 2));
            var isSof = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isSof)
            {
                if (pos + 9 > data.Length)
                {
                    return false;
                }

                var h = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(pos + 5, 2));
                var w = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(pos + 7, 2));
                size = new PixelSize(w, h);
                return true;
            }

            if (marker == 0xD9 || length < 2)
            {
                return false;
            }

            pos += 2 + length;
        }

        return false;
    }
}
