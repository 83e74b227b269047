using VisualAgent.Geometry;

namespace VisualAgent.Imaging;

/// <summary>
/// Draws the grounded point and box on a PNG for shots/NNN.annotated.png, and cuts the acted-on element out of it for
/// shots/NNN.element.png (the Vision layer implements it).
/// </summary>
public interface IScreenshotAnnotator
{
    Task<byte[]> AnnotateAsync(byte[] png, ScreenPoint? point, ScreenBox? box, CancellationToken cancellationToken = default);

    /// <summary>
    /// The box of the PNG, padded by <paramref name="padding"/> pixels and clamped to the image, scaled down to fit
    /// <paramref name="maxSide"/> when larger; null when the box lies outside the image or is empty.
    /// </summary>
    Task<byte[]?> CropAsync(byte[] png, ScreenBox box, int padding, int maxSide, CancellationToken cancellationToken = default);
}
