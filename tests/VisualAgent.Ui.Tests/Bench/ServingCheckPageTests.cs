using VisualAgent.Hosting.ServingCheck;
using VisualAgent.Models.Dialects;
using VisualAgent.Simulator;
using VisualAgent.Tests.Support;
using VisualAgent.Ui.Server;
using static Microsoft.Playwright.Assertions;

namespace VisualAgent.Tests.Bench;

/// <summary>
/// A bench started from the page runs the serving self-check first (as `bench run`): against a simulated Qwen2.5-VL
/// server that resizes images behind the client's back, the page shows the verdict with what to set and the bench does
/// not start; skipping the check runs it.
/// </summary>
public sealed class ServingCheckPageTests(UiFixture ui)
{
    [Fact]
    public async Task StartBench_MisconfiguredServer_ShowsTheVerdictAndStops_SkipRunsIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var model = new SimulatedServer(DialectRegistry.Get("qwen2.5-vl"), new SimulatedServerOptions { ServerResizeFactor = 0.6, AcceptAnyModel = true });
        await model.StartAsync(ct);
        foreach (var screen in GoldenScreens.Create())
        {
            foreach (var target in screen.Targets)
            {
                model.RegisterTarget(target.Instruction, target.Box, screen.Image.Size);
            }
        }

        var config = UiFixture.Configuration(new Dictionary<string, string?>
        {
            ["Models:served:Kind"] = "openai",
            ["Models:served:Endpoint"] = model.BaseUrl,
            ["Models:served:Model"] = "qwen2.5-vl",
            ["Models:served:Dialect"] = "qwen2.5-vl",
        });
        await using var server = await UiServer.StartAsync(ui.Settings(config), ct);
        var page = await ui.OpenAsync("bench", server);
        await page.SelectOptionAsync("#suite", "grounding-samples");
        await page.UncheckAsync("#models input[value=ocr]");
        await page.CheckAsync("#models input[value=served]");
        await page.CheckAsync("#models input[value=offline]");
        await page.FillAsync("#limit", "2");

        await page.ClickAsync("#start-btn");

        await Expect(page.Locator("#job-h")).ToContainTextAsync("failed: The bench stopped before its first sample: served is misconfigured", new() { Timeout = 60_000 });
        await Expect(page.Locator("#job-log")).ToContainTextAsync("serving is misconfigured for served: ");
        await Expect(page.Locator("#job-log")).ToContainTextAsync("Models:served:MaxPixels");
        await Expect(page.Locator("#job-log")).ToContainTextAsync("offline: no serving self-check (not a served vision-language model");

        await page.CheckAsync("#no-check");
        await page.ClickAsync("#start-btn");

        await Expect(page.Locator("#job-h")).ToContainTextAsync("finished:", new() { Timeout = 90_000 });
        await Expect(page.Locator("#job-log")).Not.ToContainTextAsync("serving self-check");
        await page.CloseAsync();
    }
}
