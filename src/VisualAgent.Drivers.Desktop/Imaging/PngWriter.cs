using System.Buffers.Binary;
using System.IO.Compression;

namespace VisualAgent.Drivers.Desktop.Imaging;

/// <summary>
/// Encodes 8-bit RGB pixels as a lossless PNG (zlib through the BCL; .NET has no image codec and the driver needs no
/// native image library). Rows use the "Up" filter, which suits screens of flat colours.
/// </summary>
internal static class PngWriter
{
    private static readonly uint[] CrcTable = MakeCrcTable();

    /// <param name="rgb">Width * height * 3 bytes, rows top to bottom.</param>
    public static byte[] Encode(ReadOnlySpan<byte> rgb, int width, int height, CompressionLevel level = CompressionLevel.Fastest)
    {
        var stride = width * 3;
        if (width <= 0 || height <= 0 || rgb.Length < stride * height)
        {
            throw new ArgumentException($"{rgb.Length} bytes are not {width}x{height} RGB pixels.", nameof(rgb));
        }

        using var output = new MemoryStream(stride * height / 8 + 1024);
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        WriteChunk(output, "IHDR"u8, header);

        using var idat = new MemoryStream(stride * height / 8 + 1024);
        using (var z = new ZLibStream(idat, level, leaveOpen: true))
        {
            var row = new byte[stride + 1];
            for (var y = 0; y < height; y++)
            {
                var current = rgb.Slice(y * stride, stride);
                if (y == 0)
                {
                    row[0] = 0;
                    current.CopyTo(row.AsSpan(1));
                }
                else
                {
                    row[0] = 2; // Up
                    var above = rgb.Slice((y - 1) * stride, stride);
                    for (var i = 0; i < stride; i++)
                    {
                        row[i + 1] = (byte)(current[i] - above[i]);
                    }
                }

                z.Write(row);
            }
        }

        WriteChunk(output, "IDAT"u8, idat.GetBuffer().AsSpan(0, (int)idat.Length));
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        var crc = Crc(Crc(0xFFFFFFFFu, type), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        output.Write(word);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] MakeCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
