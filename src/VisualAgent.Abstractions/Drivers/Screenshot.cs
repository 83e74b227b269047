using VisualAgent.Geometry;

namespace VisualAgent.Drivers;

/// <summary>
/// A lossless capture of what the driver shows, in screenshot pixels. <see cref="Png"/> is always set;
/// drivers that capture raw pixels encode them once.
/// </summary>
public sealed record Screenshot
{
    public required ReadOnlyMemory<byte> Png { get; init; }

    public required PixelSize Size { get; init; }

    /// <summary>Device pixels per CSS pixel (web) or 1 (desktop). Screenshot pixels are device pixels.</summary>
    public double DeviceScaleFactor { get; init; } = 1;

    /// <summary>
    /// The height of the shown area in the units a scroll action's deltas use (CSS pixels on the web, pixels on the
    /// desktop), as the driver that captured it says; the screenshot's own height when the driver did not say.
    /// </summary>
    public double ScrollHeight
    {
        get => _scrollHeight ?? Size.Height;
        init => _scrollHeight = value;
    }

    private readonly double? _scrollHeight;

    public DateTimeOffset CapturedAt { get; init; }

    /// <summary>The page URL (web) or window title (desktop) at capture time.</summary>
    public string? Location { get; init; }
}
