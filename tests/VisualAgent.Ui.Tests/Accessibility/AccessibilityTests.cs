using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using VisualAgent.Runs;
using VisualAgent.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace VisualAgent.Tests.Accessibility;

/// <summary>axe-core over each page of the UI, in the states people see: no serious or critical violation.</summary>
public sealed class AccessibilityTests(UiFixture ui)
{
    [Fact]
    public async Task Playground_WithAnImageAndAGroundingReply_HasNoSeriousViolations()
    {
        var page = await ui.OpenAsync();
        await page.SetInputFilesAsync("#file", ui.OrdersShot);
        await Expect(page.Locator("#thumbs button")).ToHaveCountAsync(1);
        await page.FillAsync("#prompt", "the Export CSV button");
        await page.ClickAsync("#send");
        await Expect(page.Locator("#log li.reply")).ToHaveCountAsync(1);

        await AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Playground_WithSetOfMarksShown_HasNoSeriousViolations()
    {
        var page = await ui.OpenAsync();
        await page.SetInputFilesAsync("#file", ui.OrdersShot);
        await Expect(page.Locator("#thumbs button")).ToHaveCountAsync(1);
        await page.CheckAsync("#show-marks");
        await Expect(page.Locator("#marks button").First).ToBeVisibleAsync(new() { Timeout = 60_000 });

        await AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task RunsList_HasNoSeriousViolations()
    {
        await using var run = await RecordedRun.StartAsync(ui, "axe list");
        await run.StepAsync(1, ui);
        await run.EndAsync(RunStatus.Succeeded);
        var page = await ui.OpenAsync("runs");
        await Expect(page.Locator($"#runs tr[data-id=\"{run.Id}\"]")).ToHaveCountAsync(1);

        await AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task RunView_HasNoSeriousViolations()
    {
        await using var run = await RecordedRun.StartAsync(ui, "axe view");
        await run.StepAsync(1, ui);
        await run.StepAsync(2, ui, verify: true);
        await run.EndAsync(RunStatus.Succeeded);
        var page = await ui.OpenAsync($"runs?id={Uri.EscapeDataString(run.Id)}");
        await Expect(page.Locator("#position")).ToHaveTextAsync("step 1 of 2");

        await AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Benchmarks_HasNoSeriousViolations()
    {
        var page = await ui.OpenAsync("bench");
        await Expect(page.Locator("#models input[value=ocr]")).ToHaveCountAsync(1);

        await AssertNoSeriousViolationsAsync(page);
    }

    internal static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        var report = string.Join("\n", serious.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        Assert.True(serious.Count == 0, $"axe-core found serious or critical violations on {page.Url}:\n{report}");
        Assert.NotEmpty(result.Passes); // axe actually ran rules on the page
        await page.CloseAsync();
    }
}
