using VisualAgent.Drivers;
using VisualAgent.Geometry;
using VisualAgent.Vision;

namespace VisualAgent.Hosting.ServingCheck;

/// <summary>One drawn target: what to ask for and its box in the image's pixels.</summary>
public sealed record GoldenTarget(string Instruction, string Label, ScreenBox Box);

/// <summary>A drawn screenshot with known boxes.</summary>
public sealed record GoldenScreen(Screenshot Image, IReadOnlyList<GoldenTarget> Targets);

/// <summary>
/// The self-check's golden screenshots, drawn (no browser, no files): plain labelled buttons spread over two image sizes
/// of different aspect, placed off the diagonal (so swapped axes show) and out to the edges (so a scale shows), with more
/// of them in the top-left quarter (where answers stay on the image even under a large wrong scale).
/// </summary>
public static class GoldenScreens
{
    private static readonly string[] Words =
    [
        "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett", "Kilo", "Lima",
        "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo", "Sierra", "Tango", "Uniform", "Victor", "Whiskey", "Yankee",
    ];

    // Button centres as fractions of the image (x, y).
    private static readonly (double X, double Y)[] Places =
    [
        (0.08, 0.30), (0.22, 0.08), (0.35, 0.18), (0.12, 0.45), (0.42, 0.36), (0.28, 0.60),
        (0.60, 0.12), (0.85, 0.30), (0.70, 0.55), (0.92, 0.80), (0.55, 0.88), (0.15, 0.90),
    ];

    public static IReadOnlyList<GoldenScreen> Create() => [Draw(new PixelSize(1280, 720), 0), Draw(new PixelSize(1024, 768), Places.Length)];

    private static GoldenScreen Draw(PixelSize size, int firstWord)
    {
        var background = new byte[size.Width * size.Height * 4];
        Array.Fill(background, (byte)244);
        using var image = Image.FromBgra(background, size.Width, size.Height);
        var targets = new List<GoldenTarget>();
        var button = new DrawColor(30, 90, 200);
        for (var i = 0; i < Places.Length; i++)
        {
            var label = Words[firstWord + i];
            var (fx, fy) = Places[i];
            const double w = 120, h = 36;
            var box = new ScreenBox(Math.Round((fx * size.Width) - (w / 2)), Math.Round((fy * size.Height) - (h / 2)), Math.Round((fx * size.Width) + (w / 2)), Math.Round((fy * size.Height) + (h / 2)));
            image.FillBox(box, button);
            image.DrawLabel(label, new ScreenPoint(box.X1 + 14, box.Y2 - 10), DrawColor.White, button, 0.6);
            targets.Add(new GoldenTarget($"the {label} button", label, box));
        }

        return new GoldenScreen(new Screenshot { Png = image.EncodePng(), Size = size }, targets);
    }
}
