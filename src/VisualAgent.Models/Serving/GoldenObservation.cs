using VisualAgent.Geometry;

namespace VisualAgent.Models.Serving;

/// <summary>
/// One golden target: the image's size, the size the client sent it at, the centre of the known box, and where the
/// model's answer landed in screenshot pixels as the profile reads it (null when it gave none).
/// </summary>
public sealed record GoldenObservation(PixelSize Original, PixelSize Sent, ScreenPoint Truth, ScreenPoint? Predicted)
{
    /// <summary>The instruction, for the report.</summary>
    public string Target { get; init; } = "";
}
