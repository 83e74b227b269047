using VisualAgent.Drivers;
using VisualAgent.Geometry;
using VisualAgent.Vision;
using VisualAgent.Imaging;

namespace VisualAgent.Vision.Tests;

/// <summary>The committed screenshots (Fixtures/*.png, made with headless Chromium from Fixtures/html).</summary>
internal static class Fixture
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static Image Load(string name) => Image.Decode(Bytes(name));

    public static Screenshot Screenshot(string name)
    {
        var png = Bytes(name);
        ImageHeader.TryReadSize(png, out var size);
        return new Screenshot { Png = png, Size = size };
    }

    /// <summary>A synthetic BGR test card: white with a red square at (10,10)-(30,30) and a blue bar at the bottom.</summary>
    public static Image Card(int width = 64, int height = 48)
    {
        var bgra = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var o = ((y * width) + x) * 4;
                var (b, g, r) = x is >= 10 and < 30 && y is >= 10 and < 30 ? (0, 0, 255)
                    : y >= height - 6 ? (255, 0, 0)
                    : (255, 255, 255);
                bgra[o] = (byte)b;
                bgra[o + 1] = (byte)g;
                bgra[o + 2] = (byte)r;
                bgra[o + 3] = 255;
            }
        }

        return Image.FromBgra(bgra, width, height);
    }

    public static bool Near(ScreenPoint p, ScreenBox expected, double slack = 4) => expected.Inflate(slack).Contains(p);
}
