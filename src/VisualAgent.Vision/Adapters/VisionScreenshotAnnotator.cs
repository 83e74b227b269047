using VisualAgent.Geometry;
using VisualAgent.Imaging;

namespace VisualAgent.Vision.Adapters;

/// <summary>Draws the grounded point (crosshair) and box (red) for shots/NNN.annotated.png.</summary>
public sealed class VisionScreenshotAnnotator : IScreenshotAnnotator
{
    public Task<byte[]> AnnotateAsync(byte[] png, ScreenPoint? point, ScreenBox? box, CancellationToken cancellationToken = default) =>
        Task.Run(() => Annotations.AnnotateStep(png, point, box), cancellationToken);
}
