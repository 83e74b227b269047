using VisualAgent.Geometry;
using VisualAgent.Imaging;

namespace VisualAgent.Vision.Adapters;

/// <summary>Paints boxes (password fields, fields a secret was typed into) solid black before a screenshot is saved.</summary>
public sealed class VisionScreenshotMasker : IScreenshotMasker
{
    public Task<byte[]> MaskAsync(byte[] png, IReadOnlyList<ScreenBox> boxes, CancellationToken cancellationToken = default) =>
        Task.Run(() => Mask(png, boxes), cancellationToken);

    public static byte[] Mask(byte[] png, IReadOnlyList<ScreenBox> boxes)
    {
        if (boxes.Count == 0)
        {
            return png;
        }

        Image image;
        using (var frame = FrameCache.Shared.Rent(png))
        {
            image = frame.Image.Clone();
        }

        try
        {
            foreach (var box in boxes)
            {
                var inside = box.Inflate(2).ClampTo(image.Size, out _);
                image.FillBox(inside, DrawColor.Black);
            }

            var masked = image.EncodePng();
            FrameCache.Shared.Adopt(masked, image);
            return masked;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }
}
