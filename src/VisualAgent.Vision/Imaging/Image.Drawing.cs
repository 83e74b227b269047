using System.Text;
using OpenCvSharp;
using VisualAgent.Geometry;

namespace VisualAgent.Vision;

public sealed partial class Image
{
    /// <summary>Draws a box outline in place (default red, 2 px).</summary>
    public void DrawBox(ScreenBox box, DrawColor? color = null, int thickness = 2)
    {
        var c = color ?? DrawColor.Red;
        Cv2.Rectangle(Mat, new Point(Round(box.X1), Round(box.Y1)), new Point(Round(box.X2), Round(box.Y2)), ToScalar(c),
            Math.Max(1, thickness), LineTypes.AntiAlias);
    }

    /// <summary>Fills a box in place with a solid colour (masking secrets in saved screenshots).</summary>
    public void FillBox(ScreenBox box, DrawColor color)
    {
        // A negative thickness is OpenCV's FILLED.
        Cv2.Rectangle(Mat, new Point((int)Math.Floor(box.X1), (int)Math.Floor(box.Y1)), new Point((int)Math.Ceiling(box.X2), (int)Math.Ceiling(box.Y2)),
            ToScalar(color), -1, LineTypes.AntiAlias);
    }

    /// <summary>Draws a crosshair (circle and cross) at <paramref name="point"/> in place.</summary>
    public void DrawPoint(ScreenPoint point, DrawColor? color = null, int radius = 8, int thickness = 2)
    {
        var c = ToScalar(color ?? DrawColor.Red);
        radius = Math.Max(1, radius);
        thickness = Math.Max(1, thickness);
        var x = Round(point.X);
        var y = Round(point.Y);
        var mat = Mat;
        Cv2.Circle(mat, new Point(x, y), radius, c, thickness, LineTypes.AntiAlias);
        Cv2.Line(mat, new Point(x - (2 * radius), y), new Point(x + (2 * radius), y), c, thickness, LineTypes.AntiAlias);
        Cv2.Line(mat, new Point(x, y - (2 * radius)), new Point(x, y + (2 * radius)), c, thickness, LineTypes.AntiAlias);
    }

    /// <summary>Draws <paramref name="text"/> on a filled background just above <paramref name="at"/> (kept inside the
    /// image). The built-in font is ASCII: other characters become '?'.</summary>
    public void DrawLabel(string text, ScreenPoint at, DrawColor? foreground = null, DrawColor? background = null, double scale = 0.6)
    {
        if (scale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The label scale must be positive.");
        }

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

        var label = ascii.ToString();
        var mat = Mat;
        var thickness = scale >= 1.0 ? 2 : 1;
        var ts = Cv2.GetTextSize(label, HersheyFonts.HersheySimplex, scale, thickness, out var baseline);
        var x = Round(at.X);
        var y = Round(at.Y);
        var left = Math.Max(0, Math.Min(x, Width - ts.Width - 4));
        var top = Math.Max(0, Math.Min(y - ts.Height - 4, Height - ts.Height - baseline - 4));
        Cv2.Rectangle(mat, new Rect(left, top, ts.Width + 4, ts.Height + baseline + 4), ToScalar(bg), -1);
        Cv2.PutText(mat, label, new Point(left + 2, top + ts.Height + 2), HersheyFonts.HersheySimplex, scale, ToScalar(fg), thickness, LineTypes.AntiAlias);
    }

    private static int Round(double value) => (int)Math.Round(value);

    private static Scalar ToScalar(DrawColor c) => new(c.B, c.G, c.R);
}
