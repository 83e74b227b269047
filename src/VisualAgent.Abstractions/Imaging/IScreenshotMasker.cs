using VisualAgent.Geometry;

namespace VisualAgent.Imaging;

/// <summary>
/// Blanks boxes of a PNG screenshot (password fields, fields a secret was typed into) before it is saved. The Vision
/// layer implements it; the loop calls it for every screenshot it writes while such boxes are on screen.
/// </summary>
public interface IScreenshotMasker
{
    Task<byte[]> MaskAsync(byte[] png, IReadOnlyList<ScreenBox> boxes, CancellationToken cancellationToken = default);
}
