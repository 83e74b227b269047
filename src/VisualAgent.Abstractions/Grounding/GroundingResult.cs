using VisualAgent.Geometry;

namespace VisualAgent.Grounding;

/// <summary>
/// Where a grounder found the target, in screenshot pixels of the original image. <see cref="Found"/> is false when
/// the grounder refused (confidence below its threshold, or an unusable reply); <see cref="Error"/> then says why.
/// </summary>
public sealed record GroundingResult
{
    public bool Found { get; init; }

    public ScreenPoint Point { get; init; }

    public ScreenBox? Box { get; init; }

    /// <summary>0..1 where the grounder can tell (OCR match score); 1 for models that do not say.</summary>
    public double Confidence { get; init; }

    /// <summary>True when a coordinate was moved into the image.</summary>
    public bool Clamped { get; init; }

    /// <summary>The model's raw reply (or the OCR grounder's explanation of its match).</summary>
    public string? Raw { get; init; }

    /// <summary>The exact image size the model was sent, when a model was asked.</summary>
    public Geometry.PixelSize? SentSize { get; init; }

    public TokenUsage? Usage { get; init; }

    public TimeSpan Latency { get; init; }

    public TimeSpan? TimeToFirstToken { get; init; }

    public string? Error { get; init; }

    public static GroundingResult NotFound(string error, string? raw = null) => new() { Found = false, Error = error, Raw = raw };
}
