using VisualAgent.Geometry;

namespace VisualAgent.Simulator;

/// <summary>The size of an image the simulator received in a data URL (the header parsing is <see cref="Imaging.ImageHeader"/>).</summary>
public static class ImageHeader
{
    /// <summary>The size of the image in a data URL (data:image/png;base64,...), or null when it is not one.</summary>
    public static PixelSize? FromDataUrl(string url)
    {
        var comma = url.IndexOf(',', StringComparison.Ordinal);
        if (!url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || comma < 0 || !url[..comma].EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Enough base64 for a PNG header or the first JPEG segments; JPEGs with large EXIF blocks need more.
        var payload = url.AsSpan(comma + 1);
        var bytes = new byte[payload.Length * 3 / 4 + 3];
        return Convert.TryFromBase64Chars(payload, bytes, out var written) ? Read(bytes.AsSpan(0, written)) : null;
    }

    /// <summary>The size in a PNG or JPEG header, or null when the bytes are neither.</summary>
    public static PixelSize? Read(ReadOnlySpan<byte> data) =>
        Imaging.ImageHeader.TryReadSize(data, out var size) ? size : null;
}
