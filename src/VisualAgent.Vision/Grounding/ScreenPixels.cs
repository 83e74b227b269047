using VisualAgent.Geometry;

namespace VisualAgent.Vision.Grounding;

/// <summary>The pixels of one screenshot kept in managed memory for the grounder's small measurements: the gray and
/// BGR values inside a box, its background, its ink (pixels far from the background) and the ink's colour.</summary>
internal sealed class ScreenPixels
{
    private readonly byte[] _gray;
    private readonly byte[] _bgr;

    public ScreenPixels(Image image)
    {
        Width = image.Width;
        Height = image.Height;
        using var gray = image.ToGray();
        _gray = gray.GetPixels();
        using var bgr = image.Channels == 3 ? null : image.ToBgr();
        _bgr = (bgr ?? image).GetPixels();
    }

    public int Width { get; }

    public int Height { get; }

    public byte Gray(int x, int y) => _gray[(y * Width) + x];

    /// <summary>The box clipped to the image, in whole pixels (x2, y2 exclusive).</summary>
    public (int X1, int Y1, int X2, int Y2) Clip(ScreenBox box) =>
        (Math.Clamp((int)Math.Floor(box.X1), 0, Width), Math.Clamp((int)Math.Floor(box.Y1), 0, Height),
         Math.Clamp((int)Math.Ceiling(box.X2), 0, Width), Math.Clamp((int)Math.Ceiling(box.Y2), 0, Height));

    /// <summary>The most common gray level inside the box (its background), or -1 when the box is empty.</summary>
    public int Background(ScreenBox box)
    {
        var (x1, y1, x2, y2) = Clip(box);
        if (x2 <= x1 || y2 <= y1)
        {
            return -1;
        }

        Span<int> histogram = stackalloc int[64];
        for (var y = y1; y < y2; y++)
        {
            for (var x = x1; x < x2; x++)
            {
                histogram[_gray[(y * Width) + x] >> 2]++;
            }
        }

        var best = 0;
        for (var i = 1; i < 64; i++)
        {
            if (histogram[i] > histogram[best])
            {
                best = i;
            }
        }

        return (best << 2) + 2;
    }

    /// <summary>Columns of the box holding ink (gray differing from <paramref name="background"/> by more than
    /// <paramref name="contrast"/>), as a per-column flag array from the box's left edge.</summary>
    public bool[] InkColumns(ScreenBox box, int background, int contrast = 60)
    {
        var (x1, y1, x2, y2) = Clip(box);
        var columns = new bool[Math.Max(0, x2 - x1)];
        for (var x = x1; x < x2; x++)
        {
            for (var y = y1; y < y2; y++)
            {
                if (Math.Abs(_gray[(y * Width) + x] - background) > contrast)
                {
                    columns[x - x1] = true;
                    break;
                }
            }
        }

        return columns;
    }

    /// <summary>The mean colour (R, G, B) of the ink inside the box and the share of its rows that are almost all ink
    /// (an underline), or null when the box holds no ink.</summary>
    public (double R, double G, double B, double UnderlineRows)? Ink(ScreenBox box)
    {
        var background = Background(box);
        var (x1, y1, x2, y2) = Clip(box);
        if (background < 0)
        {
            return null;
        }

        double r = 0, g = 0, b = 0;
        var n = 0;
        var fullRows = 0;
        for (var y = y1; y < y2; y++)
        {
            var rowInk = 0;
            for (var x = x1; x < x2; x++)
            {
                var i = (y * Width) + x;
                if (Math.Abs(_gray[i] - background) <= 60)
                {
                    continue;
                }

                rowInk++;
                b += _bgr[i * 3];
                g += _bgr[(i * 3) + 1];
                r += _bgr[(i * 3) + 2];
                n++;
            }

            if (x2 - x1 >= 8 && rowInk >= 0.85 * (x2 - x1))
            {
                fullRows++;
            }
        }

        return n == 0 ? null : (r / n, g / n, b / n, fullRows);
    }
}
