using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using VisualAgent.Tests.Support;
using VisualAgent.Ui.Server;
using static Microsoft.Playwright.Assertions;

namespace VisualAgent.Tests.Bench;

/// <summary>The Benchmarks page in headless Chromium: a small suite started and watched to its end, its report, a comparison.</summary>
public sealed class BenchPageTests(UiFixture ui)
{
    [Fact]
    public async Task StartASmallSuite_WatchItFinish_OpenItsReportAndCompareTwoOutputs()
    {
        var page = await ui.OpenAsync("bench");
        await Expect(page.Locator("#models input[value=ocr]")).ToBeCheckedAsync();

        var first = await RunAsync(page, 2);
        var second = await RunAsync(page, 3);

        var rows = page.Locator("#reports tbody tr");
        await Expect(page.Locator($"#reports tr[data-id=\"{first}\"]")).ToContainTextAsync("ocr-samples");
        await Expect(page.Locator($"#reports tr[data-id=\"{second}\"]")).ToContainTextAsync("n=3");
        var report = page.Locator($"#reports tr[data-id=\"{second}\"] a");
        var href = await report.GetAttributeAsync("href");
        using (var http = new HttpClient { BaseAddress = ui.Server.BaseUri })
        {
            var html = await http.GetStringAsync(href, TestContext.Current.CancellationToken);
            Assert.Contains("ocr-samples", html, StringComparison.Ordinal);
        }

        await page.CheckAsync($"#reports tr[data-id=\"{first}\"] input[name=a]");
        await page.CheckAsync($"#reports tr[data-id=\"{second}\"] input[name=b]");
        await page.ClickAsync("#compare");

        var row = page.Locator("#compare-table tr[data-model=ocr]");
        await Expect(row).ToContainTextAsync(" pts");
        await Expect(page.Locator("#comparison-h")).ToContainTextAsync($"A = {first}, B = {second}");
        await Expect(page.Locator("#compare-rule")).ToContainTextAsync("approximate 95 % interval");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Start_WithNoModelChosen_SaysToChooseOne()
    {
        var page = await ui.OpenAsync("bench");
        await page.UncheckAsync("#models input[value=ocr]");

        await page.ClickAsync("#start-btn");

        await Expect(page.Locator("#notice")).ToContainTextAsync("Choose at least one model profile");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Compare_OutputsOfDifferentSuites_IsRefusedWithWhy()
    {
        var a = WriteSummary("x/caption", "caption-samples", "bleu4");
        var b = WriteSummary("x/ocr", "ocr-samples", "cer");
        using var http = new HttpClient { BaseAddress = ui.Server.BaseUri };

        using var response = await http.GetAsync($"/api/bench/compare?a={a}&b={b}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not comparable", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_TwoAtOnce_TheSecondIsRefusedNamingTheFirst()
    {
        await using var server = await UiServer.StartAsync(ui.Settings(UiFixture.Configuration()) with { BenchFolder = Path.Combine(ui.Root, "bench-two") }, TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        http.DefaultRequestHeaders.Add(AccessGuard.HeaderName, "1");

        using var first = await http.PostAsJsonAsync("/api/bench/start", new { suite = "ocr-samples", models = new[] { "ocr" }, limit = 2 }, TestContext.Current.CancellationToken);
        using var second = await http.PostAsJsonAsync("/api/bench/start", new { suite = "ocr-samples", models = new[] { "ocr" }, limit = 2 }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("already running (ocr-samples with ocr)", await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static async Task<string> RunAsync(IPage page, int limit)
    {
        await page.SelectOptionAsync("#suite", "ocr-samples");
        await page.FillAsync("#limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#start-btn");
        await Expect(page.Locator("#job-h")).ToContainTextAsync("running ocr-samples with ocr");
        await Expect(page.Locator("#job-h")).ToContainTextAsync("finished: ocr", new() { Timeout = 120_000 });
        await Expect(page.Locator("#job-models li[data-model=ocr] progress")).ToHaveAttributeAsync("value", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var text = await page.Locator("#job-h").InnerTextAsync();
        return text[(text.LastIndexOf("→ ", StringComparison.Ordinal) + 2)..].Trim();
    }

    private string WriteSummary(string id, string suite, string metric)
    {
        var folder = Path.Combine(ui.BenchFolder, id);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "summary.json"), $$"""{"suite": "{{suite}}", "kind": "x", "metric": "{{metric}}", "models": [{"model": "ocr", "score": 0.5, "n": 3}]}""");
        return id;
    }
}
