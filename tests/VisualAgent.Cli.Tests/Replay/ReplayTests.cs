using System.Text.Json;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Codegen.Replay;
using VisualAgent.Drivers;
using VisualAgent.Drivers.Web;
using VisualAgent.Simulator.Samples;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Replay;

/// <summary>
/// Replay of the demo's recording, in Chromium against the live samples app: on the app it was recorded on every element
/// is a cache hit and no model is called; on samples/web/renamed (ids renamed, "Log in" now "Sign in" and moved, "Orders"
/// now "Orders list") it heals, proposing or applying the healed locators; with healing off it stops at the first broken
/// step; a page that no longer does what the recording checked fails the replay; a secret is never typed on another
/// origin than the recording's.
/// </summary>
public sealed class ReplayTests(E2eFixture fixture, DemoRecording demo) : IClassFixture<DemoRecording>
{
    private const int ElementSteps = 6; // two fields typed, Log in, Orders, the Status filter, Export CSV

    [Theory]
    [InlineData(ActionSettle.Light)]
    [InlineData(ActionSettle.Full)]
    public async Task Replay_DemoOnTheAppItWasRecordedOn_EveryElementIsACacheHitAndNoModelIsCalled(ActionSettle settle)
    {
        using var work = new TempFolder("replay-same");
        var details = demo.Copy(work);

        var (report, driver) = await ReplayAsync(work, details, HealMode.Propose, settle: settle);
        await using (driver)
        {
            Assert.True(report.Succeeded, report.Reason);
            Assert.Equal(ElementSteps, report.CacheHits);
            Assert.Equal(0, report.HealedSteps);
            Assert.Equal(0, report.ModelCalls);
            Assert.Null(report.DiffPath);
            Assert.Equal(details.Steps.Count, report.Steps.Count);
            // The app's own verdict: the export holds exactly the Pending orders.
            Assert.Equal("true", await driver.EvaluateAsync(DemoWorkflow.SuccessJs, TestContext.Current.CancellationToken));
            Assert.False(File.Exists(Path.Combine(details.Folder, HealDiff.FileName)));
        }
    }

    [Fact]
    public async Task Replay_RenamedVariantWithHealPropose_HealsSucceedsWritesTheDiffAndLeavesTheRecording()
    {
        using var work = new TempFolder("replay-propose");
        var details = demo.Copy(work);
        var recording = await File.ReadAllTextAsync(Path.Combine(details.Folder, "steps.jsonl"), TestContext.Current.CancellationToken);

        var (report, driver) = await ReplayAsync(work, details, HealMode.Propose, Renamed);
        await using (driver)
        {
            Assert.True(report.Succeeded, report.Reason);
            Assert.Equal(0, report.ModelCalls);
            Assert.Equal(["click the \"Log in\" button", "click Orders"], report.Steps.Where(s => s.Healed).Select(s => s.Description));
            Assert.All(report.Steps.Where(s => s.Healed), s => Assert.StartsWith("healed by", s.How, StringComparison.Ordinal));
            Assert.Equal("true", await driver.EvaluateAsync(DemoWorkflow.SuccessJs, TestContext.Current.CancellationToken));
        }

        Assert.Equal(Path.Combine(details.Folder, HealDiff.FileName), report.DiffPath);
        using var diff = JsonDocument.Parse(await File.ReadAllTextAsync(report.DiffPath!, TestContext.Current.CancellationToken));
        var healed = diff.RootElement.GetProperty("healed").EnumerateArray().ToList();
        Assert.Equal([4, 6], healed.Select(h => h.GetProperty("step").GetInt32()));
        var login = healed[0];
        Assert.Contains(login.GetProperty("old").EnumerateArray(), l => l.GetProperty("value").GetString() == "login-btn");
        Assert.Contains(login.GetProperty("new").EnumerateArray(), l => l.GetProperty("value").GetString() == "signin-submit");
        Assert.Contains(healed[1].GetProperty("new").EnumerateArray(), l => l.TryGetProperty("name", out var n) && n.GetString() == "Orders list");
        // Each healed step points at what its element looked like when recorded (the crop saved by the run).
        Assert.All(healed, h => Assert.True(File.Exists(Path.Combine(demo.RunFolder, h.GetProperty("crop").GetString()!)), h.GetProperty("crop").GetString()));
        Assert.False(report.Applied);
        Assert.Equal(recording, await File.ReadAllTextAsync(Path.Combine(details.Folder, "steps.jsonl"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Replay_RenamedVariantWithHealApply_RewritesTheRecordingSoTheNextReplayIsAllCacheHits()
    {
        using var work = new TempFolder("replay-apply");
        var details = demo.Copy(work);

        var (report, driver) = await ReplayAsync(work, details, HealMode.Apply, Renamed);
        await driver.DisposeAsync();

        Assert.True(report.Succeeded, report.Reason);
        Assert.True(report.Applied);
        var rewritten = new RunReader(new RunStore(Path.Combine(work.Path, "runs"))).Load("latest");
        Assert.Contains(rewritten.Steps.Single(s => s.Index == 4).Locators!, l => l.Value == "signin-submit");
        Assert.Equal(details.Steps.Select(s => s.Description), rewritten.Steps.Select(s => s.Description));
        var (again, driver2) = await ReplayAsync(work, rewritten, HealMode.Off, Renamed);
        await driver2.DisposeAsync();
        Assert.True(again.Succeeded, again.Reason);
        Assert.Equal(ElementSteps, again.CacheHits);
    }

    [Fact]
    public async Task Replay_RenamedVariantWithHealOff_FailsAtTheFirstBrokenStepNamingIt()
    {
        using var work = new TempFolder("replay-off");
        var details = demo.Copy(work);

        var (report, driver) = await ReplayAsync(work, details, HealMode.Off, Renamed);
        await driver.DisposeAsync();

        Assert.False(report.Succeeded);
        var last = report.Steps[^1];
        Assert.Equal(4, last.Index);
        Assert.False(last.Ok);
        Assert.Contains("healing is off", last.Error, StringComparison.Ordinal);
        Assert.StartsWith("step 4 (click the \"Log in\" button) failed", report.Reason, StringComparison.Ordinal);
        Assert.Null(report.DiffPath);
    }

    [Fact]
    public async Task Replay_PageNoLongerShowsWhatTheRecordingVerified_Fails()
    {
        // The app refuses this password: the fields are typed as recorded, the click answers with an error, and the
        // recorded check "Welcome, alice" no longer holds. The replay fails there instead of carrying on.
        using var work = new TempFolder("replay-check");
        var details = demo.Copy(work);

        var (report, driver) = await ReplayAsync(work, details, HealMode.Propose, secret: "not-the-password");
        await using (driver)
        {
            Assert.False(report.Succeeded);
            Assert.Equal(5, report.Steps[^1].Index);
            Assert.Contains("\"Welcome, alice\" is not shown", report.Reason, StringComparison.Ordinal);
            Assert.Equal("false", await driver.EvaluateAsync("!!(window.__state && window.__state.exported)", TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Replay_BaseUrlOnAnotherOrigin_TheSecretIsNotTypedThereUnlessThatOriginIsAllowed()
    {
        // The same app served from another origin (another port): the replay reaches the password field, refuses to
        // type the secret into it and fails naming why; the field stays empty.
        await using var other = await SamplesServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var otherBase = other.BaseUrl.TrimEnd('/');
        using var work = new TempFolder("replay-origin");
        var details = demo.Copy(work);

        var (report, driver) = await ReplayAsync(work, details, HealMode.Propose, otherBase);
        await using (driver)
        {
            Assert.False(report.Succeeded);
            Assert.Equal(3, report.Steps[^1].Index);
            Assert.Contains("a secret may only be typed on the allowed origins", report.Steps[^1].Error, StringComparison.Ordinal);
            Assert.StartsWith(otherBase, driver.CurrentUrl, StringComparison.Ordinal);
            Assert.Equal("\"alice\"", await driver.EvaluateAsync("document.getElementById('username').value", TestContext.Current.CancellationToken));
            Assert.Equal("\"\"", await driver.EvaluateAsync("document.getElementById('password').value", TestContext.Current.CancellationToken));
        }

        // Control: with that origin allowed the same replay types it and succeeds (the refusal above is the origin's).
        var policy = new PolicyOptions { AllowedOrigins = [otherBase] };
        var (allowed, driver2) = await ReplayAsync(work, details, HealMode.Propose, otherBase, policy: policy);
        await driver2.DisposeAsync();
        Assert.True(allowed.Succeeded, allowed.Reason);
    }

    [Fact]
    public async Task Replay_Cli_SkillExportAndReplaySkillRoundTrip()
    {
        using var work = new TempFolder("replay-skill");
        var details = demo.Copy(work);
        Directory.CreateDirectory(Path.Combine(work.Path, "skills"));
        var env = new Dictionary<string, string> { [DemoRecording.SecretName] = DemoWorkflow.Password, ["CI"] = "true" };

        var (exit, stdout, stderr) = await CliProcess.RunAsync(work.Path, env, TimeSpan.FromMinutes(1), "runs", "export", "latest", "--runs", "runs", "--skill", "demo-export");
        Assert.True(exit == 0, $"runs export: exit {exit}\n{stdout}\n{stderr}");
        var skill = await File.ReadAllTextAsync(Path.Combine(work.Path, "skills", "demo-export", "SKILL.md"), TestContext.Current.CancellationToken);
        Assert.Contains("name: " + DemoRecording.SecretName, skill, StringComparison.Ordinal);
        Assert.Contains("open {{BASE_URL}}/login/", skill, StringComparison.Ordinal);
        Assert.Contains("click the \"Export CSV\" button", skill, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorkflow.Password, skill, StringComparison.Ordinal);

        (exit, stdout, stderr) = await CliProcess.RunAsync(work.Path, env, TimeSpan.FromMinutes(2), "replay", "--skill", "demo-export", "--json");
        Assert.True(exit == 0, $"replay --skill: exit {exit}\n{stdout}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("succeeded").GetBoolean(), stdout);
        Assert.Equal(details.Run.Id, json.RootElement.GetProperty("run").GetString());
        Assert.Equal(ElementSteps, json.RootElement.GetProperty("cache_hits").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("model_calls").GetInt32());

        // A second export under the same name would overwrite the skill: refused, the first one kept.
        (exit, _, stderr) = await CliProcess.RunAsync(work.Path, env, TimeSpan.FromMinutes(1), "runs", "export", "latest", "--runs", "runs", "--skill", "demo-export");
        Assert.Equal(2, exit);
        Assert.Contains("already exists", stderr, StringComparison.Ordinal);
        Assert.Equal(skill, await File.ReadAllTextAsync(Path.Combine(work.Path, "skills", "demo-export", "SKILL.md"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Replay_Cli_BadInput_SaysWhatWasWrongWithANonZeroExit()
    {
        using var work = new TempFolder("replay-bad");
        var details = demo.Copy(work);
        var env = new Dictionary<string, string> { [DemoRecording.SecretName] = DemoWorkflow.Password, ["CI"] = "true" };

        var (exit, _, stderr) = await CliProcess.RunAsync(work.Path, env, TimeSpan.FromMinutes(1), "replay", "20990101-000000-no-such-run", "--runs", "runs");
        Assert.Equal(2, exit);
        Assert.Contains("20990101-000000-no-such-run", stderr, StringComparison.Ordinal);

        (exit, _, stderr) = await CliProcess.RunAsync(work.Path, env, TimeSpan.FromMinutes(1), "replay", "latest", "--runs", "runs", "--heal", "sometimes");
        Assert.Equal(2, exit);
        Assert.Contains("Use off, propose or apply", stderr, StringComparison.Ordinal);

        (exit, _, stderr) = await CliProcess.RunAsync(work.Path, env, TimeSpan.FromMinutes(1), "replay", "--skill", "no-such-skill");
        Assert.Equal(2, exit);
        Assert.Contains("no recording", stderr, StringComparison.Ordinal);

        // A recording without locators (as runs were before they recorded them): refused with what to do instead.
        var steps = Path.Combine(details.Folder, "steps.jsonl");
        var stripped = details.Steps.Select(s => s with { Locators = null, Fingerprint = null }).Select(RunJson.SerializeStep);
        await File.WriteAllTextAsync(steps, string.Join('\n', stripped) + "\n", TestContext.Current.CancellationToken);
        (exit, _, stderr) = await CliProcess.RunAsync(work.Path, env, TimeSpan.FromMinutes(1), "replay", "latest", "--runs", "runs");
        Assert.Equal(2, exit);
        Assert.Contains("recorded no locators", stderr, StringComparison.Ordinal);
        Assert.Contains("codegen --run " + details.Run.Id, stderr, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task BenchReplay_Demo_PrintsReplayScriptAndRunTimes()
    {
        // Not in CI (Category=Benchmark): replays and script runs, for the figures. `visual-agent bench replay latest`.
        using var work = new TempFolder("replay-bench");
        demo.Copy(work);
        var env = new Dictionary<string, string> { [DemoRecording.SecretName] = DemoWorkflow.Password, ["CI"] = "true" };

        var (exit, stdout, stderr) = await CliProcess.RunAsync(work.Path, env, TimeSpan.FromMinutes(5), "bench", "replay", "latest", "--runs", "runs", "-n", "3", "--json");

        Assert.True(exit == 0, $"bench replay: exit {exit}\n{stdout}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        TestContext.Current.SendDiagnosticMessage(stdout);
        Assert.True(json.RootElement.GetProperty("replay_steps_ms").GetDouble() > 0, stdout);
        Assert.True(json.RootElement.GetProperty("script_steps_ms").GetDouble() > 0, stdout);
    }

    private string Renamed => fixture.Samples.BaseUrl.TrimEnd('/') + "/renamed";

    /// <summary>Replays on a fresh page of the shared browser, the samples server standing for the one the demo used.</summary>
    private async Task<(ReplayReport Report, PlaywrightDriver Driver)> ReplayAsync(
        TempFolder work, RunDetails details, HealMode heal, string? baseUrl = null, string secret = DemoWorkflow.Password, PolicyOptions? policy = null, ActionSettle settle = ActionSettle.Light)
    {
        var options = fixture.Browser.Options.With();
        options.DownloadsDir = Path.Combine(work.Path, "downloads-" + Guid.NewGuid().ToString("N")[..6]);
        var driver = await fixture.Browser.NewDriverAsync(options, TestContext.Current.CancellationToken);
        var samples = fixture.Samples.BaseUrl.TrimEnd('/');
        var request = new ReplayRequest
        {
            Heal = heal, BaseUrl = baseUrl ?? samples, SamplesBaseUrl = samples, Policy = policy ?? new PolicyOptions(), Settle = settle,
            Secret = name => name == DemoRecording.SecretName ? secret : null,
        };
        var report = await new ReplayRunner(driver).RunAsync(details, request, TestContext.Current.CancellationToken);
        return (report, driver);
    }
}
