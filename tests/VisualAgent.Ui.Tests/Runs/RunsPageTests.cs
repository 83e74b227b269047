using VisualAgent.Runs;
using VisualAgent.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace VisualAgent.Tests.Runs;

/// <summary>The Runs page in headless Chromium over run folders written by the product's RunWriter.</summary>
public sealed class RunsPageTests(UiFixture ui)
{
    [Fact]
    public async Task OpenARun_StepThroughIt_ShowsEachStepsScreenshotReplyElementCheckAndTimings()
    {
        await using var run = await RecordedRun.StartAsync(ui, "export the orders");
        await run.StepAsync(1, ui);
        await run.StepAsync(2, ui, verify: true);
        await run.EndAsync(RunStatus.Succeeded);
        var page = await ui.OpenAsync("runs");

        var row = page.Locator($"#runs tr[data-id=\"{run.Id}\"]");
        await Expect(row).ToContainTextAsync("succeeded");
        await page.SelectOptionAsync("#f-status", "failed");
        await Expect(row).ToHaveCountAsync(0);
        await page.SelectOptionAsync("#f-status", "succeeded");
        await row.GetByRole(Microsoft.Playwright.AriaRole.Link).ClickAsync();

        await Expect(page.Locator("#run-h")).ToHaveTextAsync(run.Id);
        await Expect(page.Locator("#position")).ToHaveTextAsync("step 1 of 2");
        await Expect(page.Locator("#shot")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("shots%2F001\\.annotated\\.png$"));
        await Expect(page.Locator("#shot")).ToHaveJSPropertyAsync("naturalWidth", 1280);
        var facts = page.Locator("#facts");
        await Expect(facts).ToContainTextAsync("button \"Export CSV\"");
        await Expect(facts).ToContainTextAsync("page: button \"Export CSV\"");
        await Expect(facts).ToContainTextAsync("held (strong): expected a download starts");
        await Expect(facts).ToContainTextAsync("model 120 ms, act 200 ms, total 350 ms");
        // The element the step clicked, as recorded (shots/001.element.png), served from inside the run folder.
        await Expect(page.Locator("#crop-figure")).ToBeVisibleAsync();
        await Expect(page.Locator("#crop")).ToHaveAttributeAsync("src", $"/api/runs/{Uri.EscapeDataString(run.Id)}/file?path=shots%2F001.element.png");
        await Expect(page.Locator("#crop")).ToHaveJSPropertyAsync("complete", true);
        var cropWidth = await page.Locator("#crop").EvaluateAsync<int>("i => i.naturalWidth");
        Assert.InRange(cropWidth, Math.Floor(ui.ExportButton.Width) - 1, Math.Ceiling(ui.ExportButton.Width) + 1); // the button's own picture, not the page
        await Expect(page.Locator("#crop")).ToHaveAttributeAsync("alt", "The element step 1 acted on, as recorded");
        await Expect(page.Locator("#prev")).ToBeDisabledAsync();

        await page.ClickAsync("#next");

        await Expect(page.Locator("#position")).ToHaveTextAsync("step 2 of 2");
        await Expect(page.Locator("#step-h")).ToContainTextAsync("verify \"Orders\"");
        await Expect(page.Locator("#shot")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("shots%2F002\\.png$"));
        await Expect(page.Locator("#crop-figure")).ToBeHiddenAsync(); // a verify acts on no element: no crop
        await Expect(page.Locator("#next")).ToBeDisabledAsync();
        await page.ClickAsync("#prev");
        await Expect(page.Locator("#position")).ToHaveTextAsync("step 1 of 2");
        await page.CloseAsync();
    }

    [Fact]
    public async Task LiveView_ARunInProgress_ShowsStepsAsTheyAreWrittenAndItsEnd()
    {
        await using var run = await RecordedRun.StartAsync(ui, "live export");
        await run.StepAsync(1, ui);
        var page = await ui.OpenAsync($"runs?id={Uri.EscapeDataString(run.Id)}");
        await Expect(page.Locator("#position")).ToHaveTextAsync("step 1 of 1");
        await Expect(page.Locator("#run-summary")).ToContainTextAsync("running");

        await run.StepAsync(2, ui, verify: true);

        await Expect(page.Locator("#position")).ToHaveTextAsync("step 2 of 2");
        await Expect(page.Locator("#steps li")).ToHaveCountAsync(2);

        await run.EndAsync(RunStatus.Failed);

        await Expect(page.Locator("#run-summary")).ToContainTextAsync("failed");
        await Expect(page.Locator("#run-summary")).ToContainTextAsync("step 2 failed: the test said so");
        await page.CloseAsync();
    }

    [Fact]
    public async Task LiveView_RunDeletedWhileOpen_SaysSoInThePage()
    {
        await using var run = await RecordedRun.StartAsync(ui, "deleted while open");
        await run.StepAsync(1, ui);
        var page = await ui.OpenAsync($"runs?id={Uri.EscapeDataString(run.Id)}");
        await Expect(page.Locator("#position")).ToHaveTextAsync("step 1 of 1");

        Directory.Delete(run.Folder, recursive: true);

        await Expect(page.Locator("#notice")).ToContainTextAsync("deleted while it was open");
        await page.CloseAsync();
    }

    [Fact]
    public async Task ExportCode_OfARecordedRun_WritesTheRecordedLocatorAndCompiles()
    {
        await using var run = await RecordedRun.StartAsync(ui, "export for code");
        await run.StepAsync(1, ui);
        await run.EndAsync(RunStatus.Succeeded);
        var page = await ui.OpenAsync($"runs?id={Uri.EscapeDataString(run.Id)}");

        await page.SelectOptionAsync("#run-target", "playwright-cs");
        await page.ClickAsync("#run-export");

        await Expect(page.Locator("#run-export-note")).ToContainTextAsync("it compiles", new() { Timeout = 60_000 });
        await Expect(page.Locator("#run-export-code")).ToContainTextAsync("GetByRole(AriaRole.Button, new() { Name = \"Export CSV\", Exact = true })");
        await page.CloseAsync();
    }

    [Fact]
    public async Task OpenARun_ThatDoesNotExist_SaysSo()
    {
        var page = await ui.OpenAsync("runs?id=19990101-000000-nothing");

        await Expect(page.Locator("#notice")).ToContainTextAsync("There is no run \"19990101-000000-nothing\"");
        await page.CloseAsync();
    }
}
