using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using VisualAgent.Tests.Support;
using VisualAgent.Ui.Server;
using static Microsoft.Playwright.Assertions;

namespace VisualAgent.Tests.Measurements;

/// <summary>
/// The UI's figures, printed (not asserted against a clock): first paint of each page, the playground's grounding round
/// trip with the offline grounder, and the server's memory after 100 uploads. Run with
/// dotnet test tests/VisualAgent.Ui.Tests --filter Category=Benchmark --logger "console;verbosity=detailed"
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class UiFiguresTests(UiFixture ui)
{
    private const int Rounds = 5;

    [Fact]
    public async Task Figures_FirstPaintGroundingRoundTripAndMemoryAfter100Uploads()
    {
        var lines = new List<string>();
        foreach (var path in new[] { "", "runs", "bench" })
        {
            var paints = new List<double>();
            for (var i = 0; i < Rounds; i++)
            {
                var page = await ui.Browser.NewPageAsync();
                await page.GotoAsync(new Uri(ui.Server.BaseUri, path).AbsoluteUri);
                await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
                paints.Add(await page.EvaluateAsync<double>("() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"));
                await page.CloseAsync();
            }

            Assert.All(paints, p => Assert.True(p > 0, "the browser reported no first contentful paint"));
            lines.Add(Line($"first contentful paint /{path}", paints));
        }

        var playground = await ui.OpenAsync();
        await playground.SetInputFilesAsync("#file", ui.OrdersShot);
        await Expect(playground.Locator("#thumbs button")).ToHaveCountAsync(1);
        var trips = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            // Click to box drawn, measured inside the page: upload excluded, OCR (cached after the first round) included.
            await playground.FillAsync("#prompt", "the Export CSV button");
            trips.Add(await playground.EvaluateAsync<double>("""
                () => new Promise((resolve) => {
                  const overlay = document.getElementById('overlay');
                  overlay.replaceChildren();
                  const start = performance.now();
                  new MutationObserver((_, observer) => {
                    if (overlay.querySelector('rect.box')) { observer.disconnect(); resolve(performance.now() - start); }
                  }).observe(overlay, { childList: true });
                  document.getElementById('send').click();
                })
                """));
        }

        lines.Add(FormattableString.Invariant($"grounding round trip (offline grounder, click to box drawn, 1280x720): first {trips[0]:0} ms (cold: Tesseract loads), then warm {Line("", trips.Skip(1).ToList())[2..]}"));
        await playground.CloseAsync();

        lines.Add(await MemoryAfterUploadsAsync(100));
        foreach (var line in lines)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
            TestContext.Current.SendDiagnosticMessage(line);
        }
    }

    private async Task<string> MemoryAfterUploadsAsync(int count)
    {
        await using var server = await UiServer.StartAsync(ui.Settings(UiFixture.Configuration()) with { DataFolder = Path.Combine(ui.Root, "data-memory") }, TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        http.DefaultRequestHeaders.Add(AccessGuard.HeaderName, "1");
        var png = await File.ReadAllBytesAsync(ui.OrdersShot, TestContext.Current.CancellationToken);
        var before = Measure();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(png);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "files", $"shot-{i}.png");
            using var response = await http.PostAsync("/api/images", form, TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
        }

        var elapsed = watch.Elapsed;
        var after = Measure();
        var held = (after.Heap - before.Heap) / 1048576.0;
        Assert.InRange(held, 0, (count * png.Length * 3 / 1048576.0) + 64); // the images and little else stay
        return FormattableString.Invariant(
            $"server memory after {count} uploads of a {png.Length / 1024} KB PNG: managed heap {before.Heap / 1048576.0:0.0} -> {after.Heap / 1048576.0:0.0} MB (+{held:0.0} MB; the images held are {count * png.Length / 1048576.0:0.0} MB), ")
            + FormattableString.Invariant($"process RSS {before.Rss / 1048576.0:0} -> {after.Rss / 1048576.0:0} MB (test process: server, test host and Playwright client); {elapsed.TotalMilliseconds / count:0.0} ms per upload");
    }

    private static (long Heap, long Rss) Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), self.WorkingSet64);
    }

    private static string Line(string what, IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var median = sorted[sorted.Count / 2];
        return string.Create(CultureInfo.InvariantCulture, $"{what}: median {median:0} ms (min {sorted[0]:0}, max {sorted[^1]:0}, n={values.Count})");
    }
}
