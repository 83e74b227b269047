using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VisualAgent.Tests.Datasets;
using VisualAgent.Vision;

namespace VisualAgent.Tests.Runner;

/// <summary>Suite files the runner tests write: a ScreenSpot-style set from real sample pages, and a small VQA set.</summary>
internal static class BenchTestData
{
    /// <summary>
    /// Screenshots of the login and forms sample pages (800x600) with their visible buttons as targets, written as a
    /// ScreenSpot (v1) array: bbox [x, y, w, h], no img_size. Then four bad entries (lines reported): no bbox, a box
    /// outside the image, a missing image, a duplicate id.
    /// </summary>
    public static async Task<(string Path, int Valid)> WriteGroundingSuiteAsync(BrowserFixture fixture, string dir, CancellationToken ct)
    {
        var images = Path.Combine(dir, "images");
        Directory.CreateDirectory(images);
        var entries = new List<JsonObject>();
        foreach (var page in new[] { "login", "forms" })
        {
            var driver = await fixture.Browser.NewDriverAsync(fixture.Browser.Options.With(800, 600), ct);
            await using (driver)
            {
                await driver.NavigateAsync(fixture.Samples.Url(page + "/"), ct);
                var json = await driver.EvaluateAsync(
                    "[...document.querySelectorAll('button')].filter(b => b.offsetParent && b.textContent.trim()).map(b => { const r = b.getBoundingClientRect(); "
                    + "return { text: b.textContent.trim(), x: r.x, y: r.y, w: r.width, h: r.height }; }).filter(b => b.y + b.h < 600).slice(0, 3)", ct);
                var shot = await driver.CaptureAsync(ct);
                await File.WriteAllBytesAsync(Path.Combine(images, page + ".png"), shot.Png.ToArray(), ct);
                foreach (var b in JsonNode.Parse(json)!.AsArray())
                {
                    entries.Add(new JsonObject
                    {
                        ["id"] = $"{page}-{entries.Count + 1}",
                        ["img_filename"] = page + ".png",
                        ["instruction"] = b!["text"]!.GetValue<string>(),
                        ["bbox"] = new JsonArray(b["x"]!.GetValue<double>(), b["y"]!.GetValue<double>(), b["w"]!.GetValue<double>(), b["h"]!.GetValue<double>()),
                        ["platform"] = "web",
                        ["ui_type"] = "text",
                        ["group"] = page,
                    });
                }
            }
        }

        var valid = entries.Count;
        entries.Add(new JsonObject { ["id"] = "no-bbox", ["img_filename"] = "login.png", ["instruction"] = "Log in" });
        entries.Add(new JsonObject { ["id"] = "outside", ["img_filename"] = "login.png", ["instruction"] = "Log in", ["bbox"] = new JsonArray(790, 590, 50, 50) });
        entries.Add(new JsonObject { ["id"] = "no-image", ["img_filename"] = "missing.png", ["instruction"] = "Log in", ["bbox"] = new JsonArray(1, 1, 5, 5) });
        entries.Add(new JsonObject { ["id"] = "login-1", ["img_filename"] = "login.png", ["instruction"] = "Log in", ["bbox"] = new JsonArray(1, 1, 5, 5) });
        var path = Path.Combine(dir, "tiny-screenspot.json");
        await File.WriteAllTextAsync(path, new JsonArray([.. entries]).ToJsonString(new JsonSerializerOptions { WriteIndented = true }), ct);
        return (path, valid);
    }

    /// <summary>A VQA JSONL suite of <paramref name="count"/> questions over 3 generated PNGs (ids q00, q01, ...).</summary>
    public static string WriteVqaSuite(string dir, int count, params string[] extraLines)
    {
        Directory.CreateDirectory(dir);
        for (var i = 0; i < 3; i++)
        {
            var pixels = new byte[64 * 48 * 4];
            for (var p = 0; p < pixels.Length; p += 4)
            {
                pixels[p] = (byte)(80 * i);
                pixels[p + 1] = 120;
                pixels[p + 2] = (byte)(255 - (80 * i));
                pixels[p + 3] = 255;
            }

            using var image = Image.FromRgba(pixels, 64, 48);
            File.WriteAllBytes(Path.Combine(dir, $"img{i}.png"), image.EncodePng());
        }

        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $$"""{"id": "q{{i:D2}}", "image": "img{{i % 3}}.png", "question": "What number is shown in picture {{i}}?", "answers": ["{{i}}", "{{i}}", "{{i}}"], "answer_type": "{{(i % 2 == 0 ? "number" : "other")}}"}"""));
        }

        foreach (var line in extraLines)
        {
            text.AppendLine(line);
        }

        var path = Path.Combine(dir, "vqa.jsonl");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>A loopback port nothing listens on.</summary>
    public static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
