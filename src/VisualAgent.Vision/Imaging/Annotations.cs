using System.Globalization;
using VisualAgent.Geometry;

namespace VisualAgent.Vision;

/// <summary>Annotated screenshots: the grounded point/box of a step, and set-of-marks (numbered proposal boxes).</summary>
public static class Annotations
{
    /// <summary>A copy of the screenshot as PNG with a red box, a crosshair at the point and an optional label.</summary>
    public static byte[] AnnotateStep(ReadOnlySpan<byte> screenshot, ScreenPoint? point, ScreenBox? box = null, string? label = null)
    {
        using var frame = FrameCache.Shared.Rent(screenshot);
        using var image = frame.Image.Clone();
        if (box is { } b)
        {
            image.DrawBox(b, DrawColor.Red, 2);
        }

        if (point is { } p)
        {
            image.DrawPoint(p, DrawColor.Red);
        }

        if (!string.IsNullOrWhiteSpace(label))
        {
            var anchor = box is { } lb ? new ScreenPoint(lb.X1, lb.Y1 - 2) : point is { } lp ? new ScreenPoint(lp.X + 12, lp.Y - 12) : new ScreenPoint(4, 24);
            image.DrawLabel(label, anchor);
        }

        return image.EncodePng();
    }

    /// <summary>Set-of-marks: each proposal boxed and numbered from 1 in list order, as PNG.</summary>
    public static byte[] RenderSetOfMarks(ReadOnlySpan<byte> screenshot, IReadOnlyList<ScreenBox> proposals)
    {
        using var frame = FrameCache.Shared.Rent(screenshot);
        using var image = frame.Image.Clone();
        DrawMarks(image, proposals);
        return image.EncodePng();
    }

    /// <summary>Draws numbered boxes in place (colours cycle so neighbours differ).</summary>
    public static void DrawMarks(Image image, IReadOnlyList<ScreenBox> proposals)
    {
        DrawColor[] palette = [DrawColor.Red, DrawColor.Blue, DrawColor.Green, new(200, 0, 200), new(230, 120, 0)];
        for (var i = 0; i < proposals.Count; i++)
        {
            var color = palette[i % palette.Length];
            image.DrawBox(proposals[i], color, 2);
            image.DrawLabel((i + 1).ToString(CultureInfo.InvariantCulture), new ScreenPoint(proposals[i].X1, proposals[i].Y1 + 2), DrawColor.White, color, 0.5);
        }
    }
}
