using System.Text;
using VisualAgent.Geometry;
using VisualAgent.Vision.Native;

namespace VisualAgent.Vision;

public sealed partial class Image
{
    /// <summary>Draws a box outline in place (default red, 2 px).</summary>
    public void DrawBox(ScreenBox box, DrawColor? color = null, int thickness = 2)
    {
        var c = color ?? DrawColor.Red;
        VaNative.Check(
            VaNative.DrawRect(_mat, (int)Math.Round(box.X1), (int)Math.Round(box.Y1), (int)Math.Round(box.X2), (int)Math.Round(box.Y2),
                c.B, c.G, c.R, Math.Max(1, thickness)),
            "draw box");
    }

    /// <summary>Fills a box in place with a solid colour (masking secrets in saved screenshots).</summary>
    public void FillBox(ScreenBox box, DrawColor color)
    {
        // A negative thickness is OpenCV's FILLED.
        VaNative.Check(
            VaNative.DrawRect(_mat, (int)Math.Floor(box.X1), (int)Math.Floor(box.Y1), (int)Math.Ceiling(box.X2), (int)Math.Ceiling(box.Y2),
                color.B, color.G, color.R, -1),
            "fill box");
    }

    /// <summary>Draws a crosshair (circle and cross) at <paramref name="point"/> in place.</summary>
    public void DrawPoint(ScreenPoint point, DrawColor? color = null, int radius = 8, int thickness = 2)
    {
        var c = color ?? DrawColor.Red;
        VaNative.Check(
            VaNative.DrawPoint(_mat, (int)Math.Round(point.X), (int)Math.Round(point.Y), Math.Max(1, radius), c.B, c.G, c.R, Math.Max(1, thickness)),
            "draw point");
    }

    /// <summary>Draws <paramref name="text"/> on a filled background just above <paramref name="at"/> (kept inside the
    /// image). The built-in font is ASCII: other characters become '?'.</summary>
    public void DrawLabel(string text, ScreenPoint at, DrawColor? foreground = null, DrawColor? background = null, double scale = 0.6)
    {
        var fg = foreground ?? DrawColor.White;
        var bg = background ?? DrawColor.Red;
        var ascii = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            ascii.Append(ch is >= ' ' and <= '~' ? ch : '?');
        }

        if (ascii.Length == 0)
        {
            return;
        }

        VaNative.Check(
            VaNative.DrawLabel(_mat, ascii.ToString(), (int)Math.Round(at.X), (int)Math.Round(at.Y), scale, fg.B, fg.G, fg.R, bg.B, bg.G, bg.R),
            "draw label");
    }
}
