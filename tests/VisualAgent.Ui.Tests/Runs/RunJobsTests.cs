using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using VisualAgent.Agent.Runs;
using VisualAgent.Runs;
using VisualAgent.Tests.Accessibility;
using VisualAgent.Tests.Support;
using VisualAgent.Ui.Server;
using static Microsoft.Playwright.Assertions;

namespace VisualAgent.Tests.Runs;

/// <summary>
/// Runs started from the pages (open as task, re-run) and replays, in real Chromium against the samples server. One
/// class, so its tests run one after another: the UI does one browser job at a time.
/// </summary>
public sealed partial class RunJobsTests(UiFixture ui)
{
    private const string Secret = "VA_UI_TEST_PW";

    private const string LoginSteps = "type alice into the Username field; type {{secret:" + Secret + "}} into the Password field; click the Log in button";

    [Fact]
    public async Task OpenAsTask_LoginWithASecret_LiveViewThenRerunAndReplayWithCacheHits()
    {
        Environment.SetEnvironmentVariable(Secret, "wonderland");
        try
        {
            var page = await ui.OpenAsync();
            await page.FillAsync("#task-url", "samples:login/");
            await page.FillAsync("#task-steps", LoginSteps);
            await page.ClickAsync("#task-start");

            await Expect(page).ToHaveURLAsync(RunUrl());
            var first = RunId(page.Url);
            await Expect(page.Locator("#run-summary")).ToContainTextAsync("succeeded", new() { Timeout = 90_000 });
            var runJson = await File.ReadAllTextAsync(Path.Combine(ui.RunsFolder, first, "run.json"), TestContext.Current.CancellationToken);
            var run = JsonDocument.Parse(runJson).RootElement;
            Assert.Equal(3, run.GetProperty("steps").GetInt32());
            Assert.Equal("ui", run.GetProperty("settings").GetProperty("via").GetString());
            Assert.Equal("deny-risky", run.GetProperty("settings").GetProperty("confirmations").GetString());
            Assert.DoesNotContain("wonderland", runJson, StringComparison.Ordinal);

            await page.ClickAsync("#rerun");

            await Expect(page).Not.ToHaveURLAsync(new Regex(Regex.Escape(Uri.EscapeDataString(first)) + "$"));
            await Expect(page).ToHaveURLAsync(RunUrl());
            var second = RunId(page.Url);
            await Expect(page.Locator("#run-summary")).ToContainTextAsync("succeeded", new() { Timeout = 90_000 });
            await Expect(page.Locator("#run-summary")).ToContainTextAsync("type alice into the Username field");
            var rerunJson = await File.ReadAllTextAsync(Path.Combine(ui.RunsFolder, second, "run.json"), TestContext.Current.CancellationToken);
            Assert.Contains("{{secret:" + Secret + "}}", rerunJson, StringComparison.Ordinal);

            await page.ClickAsync("#replay");

            await Expect(page.Locator("#replay-note")).ToContainTextAsync("replay succeeded: 3 step(s), 3 cache hit(s), 0 healed, 0 model calls", new() { Timeout = 90_000 });
            await Expect(page.Locator("#replay-note")).ToContainTextAsync("heal propose");
            await Expect(page.Locator("#replay-steps tbody tr")).ToHaveCountAsync(3);
            await Expect(page.Locator("#replay-steps tbody tr").Nth(1)).ToContainTextAsync("cache hit");
            await AccessibilityTests.AssertNoSeriousViolationsAsync(page); // the run view with its replay report (closes the page)

            // The page changed under the recording (the Log in button's first locator no longer matches): the healed step
            // shows the element as the run recorded it, served from inside the run folder; no server path reaches the page.
            var folder = Path.Combine(ui.RunsFolder, second);
            var recording = new RunReader(new RunStore(ui.RunsFolder)).Load(second);
            var broken = recording.Steps.Select(step => step.Index == 3 && step.Locators is [var best, ..]
                ? step with { Locators = [best with { Name = "Sign in", Value = "button \"Sign in\"" }, .. step.Locators] }
                : step);
            await File.WriteAllTextAsync(Path.Combine(folder, "steps.jsonl"), string.Join('\n', broken.Select(RunJson.SerializeStep)) + "\n", TestContext.Current.CancellationToken);
            var crop = recording.Steps.Single(step => step.Index == 3).Crop;
            Assert.Equal("shots/003.element.png", crop);
            page = await ui.OpenAsync($"runs?id={Uri.EscapeDataString(second)}"); // the check above closed the page

            var reply = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#replay"), r => r.Url.EndsWith("/replay", StringComparison.Ordinal), new() { Timeout = 90_000 });

            Assert.DoesNotContain(ui.Root, await reply.TextAsync(), StringComparison.Ordinal);
            await Expect(page.Locator("#replay-note")).ToContainTextAsync("replay succeeded: 3 step(s), 2 cache hit(s), 1 healed", new() { Timeout = 90_000 });
            await Expect(page.Locator("#replay-note")).ToContainTextAsync("viewport 1280x720, as the run recorded it");
            var healedRow = page.Locator("#replay-steps tbody tr").Nth(2);
            await Expect(healedRow).ToContainTextAsync("healed by the ranked list (#2");
            var cropImage = healedRow.Locator("img.crop");
            await Expect(cropImage).ToHaveAttributeAsync("src", $"/api/runs/{Uri.EscapeDataString(second)}/file?path=shots%2F003.element.png");
            await Expect(cropImage).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await cropImage.EvaluateAsync<int>("i => i.naturalWidth") > 0, "the crop did not load");
            await Expect(page.Locator("#replay-steps tbody tr").Nth(0).Locator("img")).ToHaveCountAsync(0); // cache hits show none
            await AccessibilityTests.AssertNoSeriousViolationsAsync(page); // the replay report with a crop

            Environment.SetEnvironmentVariable(Secret, null);
            var again = await ui.OpenAsync($"runs?id={Uri.EscapeDataString(second)}");
            await again.ClickAsync("#replay");

            await Expect(again.Locator("#notice")).ToContainTextAsync($"This run typed the secret {Secret}, which the UI server's environment does not have");
            await Expect(again.Locator("#notice")).ToContainTextAsync("never asked for in the browser");
            await Expect(again.Locator("#replay-steps")).ToBeHiddenAsync();
            await again.CloseAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable(Secret, null);
        }
    }

    [Fact]
    public async Task OpenAsTask_BadUrlOrASecretTheServerLacks_SaysWhatToDoAndStartsNothing()
    {
        var before = Directory.GetDirectories(ui.RunsFolder).Length;
        var page = await ui.OpenAsync();

        await page.FillAsync("#task-url", "ftp://example.com/");
        await page.FillAsync("#task-steps", "click the Log in button");
        await page.ClickAsync("#task-start");
        await Expect(page.Locator("#notice")).ToContainTextAsync("'ftp://example.com/' is not a URL the agent can open from here: give http(s)://host/path");

        await page.FillAsync("#task-url", "samples:login/");
        await page.FillAsync("#task-steps", "type {{secret:VA_UI_TEST_NEVER_SET}} into the Password field");
        await page.ClickAsync("#task-start");
        await Expect(page.Locator("#notice")).ToContainTextAsync("This task types the secret VA_UI_TEST_NEVER_SET, which the UI server's environment does not have");

        await page.FillAsync("#task-steps", "make it nice");
        await page.ClickAsync("#task-start");
        await Expect(page.Locator("#notice")).ToContainTextAsync("explicit steps only");

        Assert.EndsWith("/", page.Url, StringComparison.Ordinal); // still the playground
        Assert.Equal(before, Directory.GetDirectories(ui.RunsFolder).Length);
        await page.CloseAsync();
    }

    [Fact]
    public async Task StartRun_WhileAnotherRuns_IsRefusedNamingWhatRuns()
    {
        using var client = new HttpClient { BaseAddress = ui.Server.BaseUri };
        client.DefaultRequestHeaders.Add(AccessGuard.HeaderName, "1");
        var ct = TestContext.Current.CancellationToken;
        using var started = await client.PostAsJsonAsync("/api/runs", new { url = "samples:login/", instruction = "wait for 4 seconds" }, ct);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;

        var page = await ui.OpenAsync();
        await page.FillAsync("#task-url", "samples:login/");
        await page.FillAsync("#task-steps", "type alice into the Username field");
        await page.ClickAsync("#task-start");

        await Expect(page.Locator("#notice")).ToContainTextAsync("The UI is already busy with a run of \"wait for 4 seconds\": one run or replay at a time");
        await page.CloseAsync();
        var status = "running";
        for (var i = 0; i < 120 && status == "running"; i++)
        {
            await Task.Delay(500, ct);
            status = (await client.GetFromJsonAsync<JsonElement>($"/api/runs/{id}", ct)).GetProperty("run").GetProperty("status").GetString();
        }

        Assert.Equal("succeeded", status); // the first run went on undisturbed, and the slot is free again for the next test
    }

    private static Regex RunUrl() => RunUrlPattern();

    private static string RunId(string url) => Uri.UnescapeDataString(RunUrlPattern().Match(url).Groups[1].Value);

    [GeneratedRegex(@"/runs\?id=([^&]+)$")]
    private static partial Regex RunUrlPattern();
}
