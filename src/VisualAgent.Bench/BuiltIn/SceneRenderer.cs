using System.Text;
using System.Text.Json;
using VisualAgent.Drivers.Web;
using VisualAgent.Drivers.Web.Scripts;
using VisualAgent.Geometry;

namespace VisualAgent.Bench.BuiltIn;

/// <summary>
/// Renders <see cref="SceneImage"/>s in one 640x480 page of headless Chromium: navigates to the HTML as a data URL,
/// reads the box of every <c>data-box</c> element in screenshot pixels (<see cref="SceneScript.Boxes"/>, after fonts
/// and two frames) and saves the viewport as PNG. Images are cached by name.
/// </summary>
internal sealed class SceneRenderer(PlaywrightDriver driver, string imagesDir) : IAsyncDisposable
{
    private readonly Dictionary<string, RenderedImage> _done = new(StringComparer.Ordinal);

    public static async Task<SceneRenderer> OpenAsync(PlaywrightBrowser browser, string imagesDir, CancellationToken ct)
    {
        Directory.CreateDirectory(imagesDir);
        var driver = await browser.NewDriverAsync(browser.Options.With(SceneImage.Width, SceneImage.Height, 1), ct).ConfigureAwait(false);
        return new SceneRenderer(driver, imagesDir);
    }

    public async Task<RenderedImage> RenderAsync(SceneImage image, CancellationToken ct)
    {
        if (_done.TryGetValue(image.Name, out var cached))
        {
            return cached;
        }

        await driver.NavigateAsync("data:text/html;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(image.Html)), ct).ConfigureAwait(false);
        var json = await driver.EvaluateAsync(SceneScript.Boxes, ct).ConfigureAwait(false);
        var shot = await driver.CaptureAsync(ct).ConfigureAwait(false);
        await File.WriteAllBytesAsync(Path.Combine(imagesDir, image.FileName), shot.Png, ct).ConfigureAwait(false);

        var boxes = new Dictionary<string, ScreenBox>(StringComparer.Ordinal);
        foreach (var e in JsonDocument.Parse(json).RootElement.EnumerateArray())
        {
            var box = ScreenBox.FromCorners(e.GetProperty("x1").GetDouble(), e.GetProperty("y1").GetDouble(), e.GetProperty("x2").GetDouble(), e.GetProperty("y2").GetDouble());
            boxes[e.GetProperty("id").GetString()!] = new ScreenBox(Round(box.X1), Round(box.Y1), Round(box.X2), Round(box.Y2));
        }

        var rendered = new RenderedImage(image.FileName, shot.Size, boxes);
        foreach (var (id, box) in boxes)
        {
            if (box.Width < 2 || box.Height < 2 || box.X1 < 0 || box.Y1 < 0 || box.X2 > shot.Size.Width || box.Y2 > shot.Size.Height)
            {
                throw new InvalidOperationException($"Built-in image {image.Name}: the box of '{id}' {box} is empty or leaves the {shot.Size} image.");
            }
        }

        _done[image.Name] = rendered;
        return rendered;
    }

    public ValueTask DisposeAsync() => driver.DisposeAsync();

    private static double Round(double v) => Math.Round(v, 1, MidpointRounding.AwayFromZero);
}
