using VisualAgent.Geometry;

namespace VisualAgent.Imaging;

/// <summary>Draws the grounded point and box on a PNG for shots/NNN.annotated.png (the Vision layer implements it).</summary>
public interface IScreenshotAnnotator
{
    Task<byte[]> AnnotateAsync(byte[] png, ScreenPoint? point, ScreenBox? box, CancellationToken cancellationToken = default);
}
