using VisualAgent.Geometry;
using VisualAgent.Imaging;

namespace VisualAgent.Vision.Adapters;

/// <summary>Draws the grounded point (crosshair) and box (red) for shots/NNN.annotated.png; cuts element crops.</summary>
public sealed class VisionScreenshotAnnotator : IScreenshotAnnotator
{
    public Task<byte[]> AnnotateAsync(byte[] png, ScreenPoint? point, ScreenBox? box, CancellationToken cancellationToken = default) =>
        Task.Run(() => Annotations.AnnotateStep(png, point, box), cancellationToken);

    public Task<byte[]?> CropAsync(byte[] png, ScreenBox box, int padding, int maxSide, CancellationToken cancellationToken = default) =>
        Task.Run(() => Crop(png, box, padding, maxSide), cancellationToken);

    /// <summary>The padded box cut out of the PNG (clamped to it), scaled down to fit <paramref name="maxSide"/>; null outside it.</summary>
    public static byte[]? Crop(byte[] png, ScreenBox box, int padding, int maxSide)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 1);
        using var frame = FrameCache.Shared.Rent(png);
        var inside = box.Inflate(padding).ClampTo(frame.Image.Size, out _);
        if (inside.Width < 1 || inside.Height < 1)
        {
            return null;
        }

        using var crop = frame.Image.Crop(inside);
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(crop.Width, crop.Height));
        if (scale >= 1.0)
        {
            return crop.EncodePng();
        }

        using var small = crop.Scale(scale);
        return small.EncodePng();
    }
}
