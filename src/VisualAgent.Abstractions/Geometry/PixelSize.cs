using System.Globalization;
using System.Text.Json.Serialization;

namespace VisualAgent.Geometry;

/// <summary>A width and height in pixels.</summary>
public readonly record struct PixelSize(int Width, int Height)
{
    [JsonIgnore]
    public long Area => (long)Width * Height;

    [JsonIgnore]
    public bool IsEmpty => Width <= 0 || Height <= 0;

    /// <summary>Parses "1920x1080" (also "1920,1080").</summary>
    public static PixelSize Parse(string text)
    {
        if (TryParse(text, out var size))
        {
            return size;
        }

        throw new FormatException($"'{text}' is not a size: write it as WIDTHxHEIGHT, e.g. 1920x1080.");
    }

    public static bool TryParse(string? text, out PixelSize size)
    {
        size = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Split(['x', 'X', ',', '*'], StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || w <= 0 || h <= 0)
        {
            return false;
        }

        size = new PixelSize(w, h);
        return true;
    }

    public override string ToString() => $"{Width}x{Height}";
}
