namespace VisualAgent.Vision;

/// <summary>How <see cref="Image.ChangedRegions"/> decides what changed.</summary>
public sealed record ChangeOptions
{
    public static ChangeOptions Default { get; } = new();

    /// <summary>A pixel changed when a channel differs by more than this (0..255). Default 24 ignores anti-aliasing noise.</summary>
    public int Threshold { get; init; } = 24;

    /// <summary>Changed pixels closer than this many pixels join one region. Default 4.</summary>
    public int Grow { get; init; } = 4;

    /// <summary>Regions smaller than this (pixels of their box) are dropped. Default 16.</summary>
    public int MinRegionArea { get; init; } = 16;

    /// <summary>At most this many regions are reported. Default 256.</summary>
    public int MaxRegions { get; init; } = 256;
}
