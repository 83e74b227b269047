using System.Text.Json;
using VisualAgent.Agent.Runs;
using VisualAgent.Codegen.Plans;
using VisualAgent.Codegen.Validation;
using VisualAgent.Codegen.Verification;
using VisualAgent.Codegen.Writers;
using VisualAgent.Runs;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.EndToEnd;

/// <summary>
/// Scripts from real runs: the demo's scripts run green against the live samples app (Playwright C#, TypeScript, Selenium
/// C#), and the scripts of sample runs with frames, a canvas, keys, uploads and scrolling compile in every target.
/// </summary>
public sealed class CodegenTests(E2eFixture fixture)
{
    private static readonly string[] SampleTasks =
        ["forms-checkboxes", "forms-iframe", "forms-canvas-button", "forms-reorder", "forms-color-blue", "orders-edit-status", "scroll-inner-item-42"];

    [Fact]
    public async Task Codegen_DemoRun_ScriptsPassAgainstTheLiveAppInPlaywrightCsTsAndSeleniumCs()
    {
        using var work = new TempFolder("codegen-demo");
        var env = new Dictionary<string, string> { ["VISUAL_AGENT_DEMO_PASSWORD"] = DemoWorkflow.Password, ["CI"] = "true" };
        var (exit, stdout, stderr) = await CliProcess.RunAsync(work.Path, env, TimeSpan.FromSeconds(120), "run", "--demo", "--runs", "runs");
        Assert.True(exit == 0, $"demo: exit {exit}\n{stdout}\n{stderr}");
        var steps = RunFolder.Steps(RunFolder.Single(Path.Combine(work.Path, "runs")));
        Assert.Contains(steps, s => s.TryGetProperty("locators", out var l) && l.GetArrayLength() > 0);

        foreach (var target in new[] { "playwright-cs", "playwright-ts", "selenium-cs" })
        {
            (exit, stdout, stderr) = await CliProcess.RunAsync(work.Path, env, TimeSpan.FromMinutes(5), "codegen", "--run", "latest", "--runs", "runs", "--target", target, "--verify", "--json");

            Assert.True(exit == 0, $"{target}: exit {exit}\n{stdout}\n{stderr}");
            using var json = JsonDocument.Parse(stdout);
            Assert.True(json.RootElement.GetProperty("check").GetProperty("passed").GetBoolean(), stdout);
            Assert.True(json.RootElement.GetProperty("verify").GetProperty("passed").GetBoolean(), stdout);
            Assert.True(json.RootElement.GetProperty("verify").GetProperty("steps_ms").GetDouble() > 0, stdout);
            var script = File.ReadAllText(json.RootElement.GetProperty("script").GetString()!);
            Assert.DoesNotContain(DemoWorkflow.Password, script, StringComparison.Ordinal);
            Assert.Contains("VISUAL_AGENT_DEMO_PASSWORD", script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Codegen_SampleRuns_ScriptsCompileInEveryTarget()
    {
        await using var agent = new AgentOnPage(fixture);
        var plans = new List<(string Task, ScriptPlan Plan)>();
        foreach (var id in SampleTasks)
        {
            var task = fixture.Suite[id];
            var result = await agent.RunAsync(task.Solution!.Replace("{{samples}}", fixture.Samples.BaseUrl.TrimEnd('/'), StringComparison.Ordinal), task.ResolveUrl(fixture.Samples.BaseUrl), TestContext.Current.CancellationToken);
            // A run that failed exports up to its failure (forms-iframe and forms-canvas-button fail their checks here, on main too).
            Assert.True(result.Record.Status == RunStatus.Succeeded || id is "forms-iframe" or "forms-canvas-button", $"{id}: {result.Record.Reason}");
            var plan = PlanBuilder.Build(new RunReader(new RunStore(agent.RunsRoot)).Load(result.Record.Id));
            Assert.True(plan.Steps.Count > 0, id);
            Assert.Equal(result.Record.Status != RunStatus.Succeeded, plan.StoppedAt is not null);
            plans.Add((id, plan));
        }

        var checker = new ScriptChecker();
        foreach (var name in ScriptTargets.WebNames)
        {
            var target = ScriptTargets.Parse(name);
            var scripts = plans.Select(p => (p.Task.Replace('-', '_') + target.Extension(), target.Writer().Write(p.Plan))).ToList();

            var results = await checker.CheckAsync(target, scripts, TestContext.Current.CancellationToken);

            Assert.All(results.Zip(scripts), r => Assert.True(r.First.Passed && !r.First.Skipped, $"{name} {r.Second.Item1}: {r.First}\n{r.Second.Item2}"));
        }

        var frame = new PlaywrightCSharpWriter().Write(plans.Single(p => p.Task == "forms-iframe").Plan);
        Assert.Contains(".FrameLocator(", frame, StringComparison.Ordinal);
        var canvas = plans.Single(p => p.Task == "forms-canvas-button").Plan;
        Assert.Contains(canvas.Steps, s => s.Point is not null && s.Locators.Count == 0 && s.PointReason is not null);
    }

    [Fact]
    public async Task Codegen_RunEndingOnAnotherPage_ScriptsAssertThatPageRelativeToBaseUrl()
    {
        await using var agent = new AgentOnPage(fixture);
        var task = fixture.Suite["home-open-forms"];
        var result = await agent.RunAsync(task.Solution!, task.ResolveUrl(fixture.Samples.BaseUrl), TestContext.Current.CancellationToken);
        var plan = PlanBuilder.Build(new RunReader(new RunStore(agent.RunsRoot)).Load(result.Record.Id));
        Assert.Equal(("/forms/", true), (plan.FinalUrl, plan.FinalRelative));

        var checker = new ScriptChecker();
        foreach (var name in ScriptTargets.WebNames)
        {
            var target = ScriptTargets.Parse(name);
            var script = target.Writer().Write(plan);
            Assert.Contains("\"/forms/\"", script[script.LastIndexOf("Step 2", StringComparison.Ordinal)..], StringComparison.Ordinal);
            var compiled = Assert.Single(await checker.CheckAsync(target, [("home" + target.Extension(), script)], TestContext.Current.CancellationToken));
            Assert.True(compiled.Passed && !compiled.Skipped, $"{name}: {compiled}\n{script}");
        }

        // A run that ended elsewhere (a query the app no longer adds): the script fails on the address, saying both.
        var elsewhere = new PlaywrightTypeScriptWriter().Write(plan with { FinalUrl = "/forms/?saved=1" });
        var run = await ScriptVerifier.RunAsync(
            ScriptTarget.PlaywrightTypeScript, elsewhere, "home.ts",
            new VerifyEnvironment { BaseUrl = fixture.Samples.BaseUrl.TrimEnd('/'), Timeout = TimeSpan.FromMinutes(2) }, TestContext.Current.CancellationToken);
        Assert.False(run.Passed, run.Output);
        Assert.Contains("The run ended on " + fixture.Samples.BaseUrl.TrimEnd('/') + "/forms/?saved=1, the script on", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ScriptWhoseCheckNoLongerHolds_FailsNamingTheStep()
    {
        await using var agent = new AgentOnPage(fixture);
        var task = fixture.Suite["home-open-forms"];
        var result = await agent.RunAsync(task.Solution!, task.ResolveUrl(fixture.Samples.BaseUrl), TestContext.Current.CancellationToken);
        var plan = PlanBuilder.Build(new RunReader(new RunStore(agent.RunsRoot)).Load(result.Record.Id));
        var verify = plan.Steps.Single(s => s.Verb == ScriptVerb.Verify);
        plan = plan with { Steps = [.. plan.Steps.Select(s => s == verify ? s with { Text = ScriptText.Parse("Sample form that is not there") } : s)] };

        var run = await ScriptVerifier.RunAsync(
            ScriptTarget.PlaywrightTypeScript, new PlaywrightTypeScriptWriter().Write(plan), "home.ts",
            new VerifyEnvironment { BaseUrl = fixture.Samples.BaseUrl.TrimEnd('/'), Timeout = TimeSpan.FromMinutes(2) }, TestContext.Current.CancellationToken);

        Assert.False(run.Passed, run.Output);
        Assert.Equal(verify.Index, run.FailedStep);
        Assert.Null(run.StepsElapsed);
    }
}
