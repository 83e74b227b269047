using VisualAgent.Geometry;

namespace VisualAgent.Vision.Grounding;

/// <summary>
/// Finds horizontal bands of dark background (a top bar, a dark header) whose light text a full-page read misses:
/// runs of rows where most pixels are dark, cut to the dark columns' extent. They are re-read with polarity normalised.
/// </summary>
internal static class DarkBandDetector
{
    private const byte DarkLevel = 90;
    private const double DarkShare = 0.6;
    private const int MinHeight = 14;
    private const int MaxHeight = 160;

    public static IReadOnlyList<ScreenBox> Detect(Image image)
    {
        using var gray = image.ToGray();
        var pixels = gray.GetPixels();
        int width = gray.Width, height = gray.Height;
        var bands = new List<ScreenBox>();
        var start = -1;
        for (var y = 0; y <= height; y++)
        {
            var dark = y < height && DarkRow(pixels, width, y);
            if (dark && start < 0)
            {
                start = y;
            }
            else if (!dark && start >= 0)
            {
                if (y - start is >= MinHeight and <= MaxHeight)
                {
                    bands.Add(new ScreenBox(0, start, width, y));
                }

                start = -1;
            }
        }

        return bands;
    }

    private static bool DarkRow(byte[] pixels, int width, int y)
    {
        var dark = 0;
        var row = y * width;
        for (var x = 0; x < width; x += 2)
        {
            if (pixels[row + x] < DarkLevel)
            {
                dark++;
            }
        }

        return dark >= DarkShare * ((width + 1) / 2);
    }
}
