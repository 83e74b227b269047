using System.Text.Json;
using System.Text.Json.Nodes;

namespace VisualAgent.Tests.Datasets;

/// <summary>
/// Rewrites tests/VisualAgent.Vision.Tests/Fixtures/grounding/ from samples/web/grounding/*.html: an 800x600 screenshot
/// of each page and the DOM boxes of its targets (elements with <c>data-instruction</c>). Explicit: run it after
/// changing a page, with
/// <c>dotnet run --project tests/VisualAgent.Bench.Tests -- -explicit only -class VisualAgent.Tests.Datasets.RegenerateGroundingFixtures</c>.
/// </summary>
public sealed class RegenerateGroundingFixtures(BrowserFixture fixture)
{
    private const string Targets = """
        [...document.querySelectorAll('[data-instruction]')].map(e => {
          const r = e.getBoundingClientRect();
          return { instruction: e.getAttribute('data-instruction'), box: [r.left, r.top, r.right, r.bottom].map(v => Math.round(v * 10) / 10) };
        })
        """;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact(Explicit = true)]
    public async Task Regenerate_CausePages_WritesScreenshotsAndTargets()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "VisualAgent.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var pages = Path.Combine(root.FullName, "samples", "web", "grounding");
        var output = Path.Combine(root.FullName, "tests", "VisualAgent.Vision.Tests", "Fixtures", "grounding");
        Directory.CreateDirectory(output);
        foreach (var page in Directory.GetFiles(pages, "*.html").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(page);
            var driver = await fixture.Browser.NewDriverAsync(fixture.Browser.Options.With(800, 600, 1), ct);
            await using (driver)
            {
                await driver.NavigateAsync(fixture.Samples.Url($"grounding/{name}.html"), ct);
                await driver.EvaluateAsync("document.fonts.ready.then(() => true)", ct);
                var targets = JsonNode.Parse(await driver.EvaluateAsync(Targets, ct))!;
                var shot = await driver.CaptureAsync(ct);
                await File.WriteAllBytesAsync(Path.Combine(output, name + ".png"), shot.Png.ToArray(), ct);
                await File.WriteAllTextAsync(Path.Combine(output, name + ".json"), targets.ToJsonString(Json) + "\n", ct);
            }
        }
    }
}
