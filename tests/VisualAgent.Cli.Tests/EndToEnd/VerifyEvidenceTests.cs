using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Codegen.Plans;
using VisualAgent.Codegen.Replay;
using VisualAgent.Codegen.Validation;
using VisualAgent.Codegen.Verification;
using VisualAgent.Codegen.Writers;
using VisualAgent.Planning;
using VisualAgent.Runs;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.EndToEnd;

/// <summary>
/// One rule for `verify "TEXT"` in the run, the replay and every script (the devpages menu-button case, on a page of our
/// own: samples/web/verify/menu-button.html): "Action 3" counts where the choice lands (the read-only output's value),
/// never in the hidden menu item nor in the page's source listing. When choosing writes nothing (the page under
/// broken/), the run, the replay and the Playwright C#/TypeScript and Selenium C# scripts all fail, saying the text is
/// only in a code listing.
/// </summary>
public sealed class VerifyEvidenceTests(E2eFixture fixture)
{
    private const string Steps = "click \"Actions\"; click \"Action 3\"; verify \"Action 3\"";

    private static readonly string[] Verified = ["playwright-cs", "playwright-ts", "selenium-cs"];

    private string Samples => fixture.Samples.BaseUrl.TrimEnd('/');

    [Fact]
    public async Task Verify_ChoiceWrittenToTheOutput_RunReplayAndScriptsPass_AndAllFailWhenChoosingWritesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var agent = new AgentOnPage(fixture);
        var result = await agent.RunAsync(Steps, Samples + "/verify/menu-button.html", ct);
        Assert.True(result.Record.Status == RunStatus.Succeeded, result.Record.Reason);

        // Where the text was found is recorded: the output field's value, not the listing.
        var details = new RunReader(new RunStore(agent.RunsRoot)).Load(result.Record.Id);
        var verify = Assert.Single(details.Steps, s => s.Intent?.Verb == StepVerb.Verify && s.Outcome == StepOutcome.Ok);
        Assert.Equal("input#action_output", verify.Element?.Css);
        Assert.StartsWith("the value of input#action_output", verify.Check!.Observed, StringComparison.Ordinal);

        // Replay: passes on the page, fails where choosing writes nothing.
        var same = await ReplayAsync(details, Samples, ct);
        Assert.True(same.Succeeded, same.Reason);
        Assert.Contains("input#action_output", same.Steps[^1].How, StringComparison.Ordinal);
        var broken = await ReplayAsync(details, Samples + "/broken", ct);
        Assert.False(broken.Succeeded);
        Assert.Contains("only inside a code listing", broken.Reason, StringComparison.Ordinal);

        // Scripts: every target compiles and embeds the rule; three run, green on the page and red where nothing is written.
        var plan = PlanBuilder.Build(details);
        var checker = new ScriptChecker();
        foreach (var name in ScriptTargets.WebNames)
        {
            var target = ScriptTargets.Parse(name);
            var script = target.Writer().Write(plan);
            Assert.Contains(ShownTextScript.Source.Split('\n')[^2], script, StringComparison.Ordinal);
            var checkedScript = Assert.Single(await checker.CheckAsync(target, [("menu" + target.Extension(), script)], ct));
            Assert.True(checkedScript.Passed && !checkedScript.Skipped, $"{name}: {checkedScript}\n{script}");
        }

        await AssertScriptsPassAndFailOnBrokenAsync(plan, "menu", verify.Index, "only inside a code listing", ct);
    }

    [Fact]
    public async Task Verify_ChoiceNotWritten_RunFailsSayingTheTextIsOnlyInTheListing()
    {
        await using var agent = new AgentOnPage(fixture);

        var result = await agent.RunAsync(Steps, Samples + "/verify/menu-button.html?broken=1", TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Failed, result.Record.Status);
        Assert.Contains("only inside a code listing", result.Record.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WordsThePageShowedFromTheStart_AreNoEvidence_RunReplayAndScriptsFailWhenTheClickChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        const string steps = "verify \"In stock\"; click \"Check stock\"; verify \"In stock\"";

        // The working page: the first verify (before acting) reads the help text, the last one the status the click wrote.
        await using var agent = new AgentOnPage(fixture);
        var result = await agent.RunAsync(steps, Samples + "/verify/news.html", ct);
        Assert.True(result.Record.Status == RunStatus.Succeeded, result.Record.Reason);
        var details = new RunReader(new RunStore(agent.RunsRoot)).Load(result.Record.Id);
        var verifies = details.Steps.Where(s => s.Intent?.Verb == StepVerb.Verify).ToList();
        Assert.Equal(["p", "p#status"], verifies.Select(s => s.Element?.Css));

        // The broken page shows the same words from the start and the click changes nothing: a failure, saying why.
        var broken = await agent.RunAsync(steps, Samples + "/verify/news.html?broken=1", ct);
        Assert.Equal(RunStatus.Failed, broken.Record.Status);
        Assert.Contains("was already shown before the steps acted", broken.Record.Reason, StringComparison.Ordinal);

        var replay = await ReplayAsync(details, Samples + "/broken", ct);
        Assert.False(replay.Succeeded);
        Assert.Contains("was already shown before the steps acted", replay.Reason, StringComparison.Ordinal);
        Assert.True((await ReplayAsync(details, Samples, ct)).Succeeded);

        // Scripts note the page before their first action as the driver does: green on the page, red on the broken one.
        var plan = PlanBuilder.Build(details);
        foreach (var name in ScriptTargets.WebNames)
        {
            var target = ScriptTargets.Parse(name);
            var script = target.Writer().Write(plan);
            var lines = script.Split('\n');
            var mark = Assert.Single(Enumerable.Range(0, lines.Length), i => lines[i].Contains("What the page shows before the steps act on it", StringComparison.Ordinal));
            Assert.Contains("mark", lines[mark + 1], StringComparison.Ordinal);
            Assert.Contains("Check stock", string.Concat(lines[(mark + 2)..(mark + 6)]), StringComparison.Ordinal);
            var checkedScript = Assert.Single(await new ScriptChecker().CheckAsync(target, [("news" + target.Extension(), script)], ct));
            Assert.True(checkedScript.Passed && !checkedScript.Skipped, $"{name}: {checkedScript}\n{script}");
        }

        await AssertScriptsPassAndFailOnBrokenAsync(plan, "news", verifies[^1].Index, "was already shown before the steps acted", ct);
    }

    /// <summary>
    /// The Playwright C#/TypeScript and Selenium C# scripts of <paramref name="plan"/> pass on the samples and fail under
    /// broken/ at step <paramref name="failedStep"/>, saying <paramref name="reason"/>.
    /// </summary>
    private async Task AssertScriptsPassAndFailOnBrokenAsync(ScriptPlan plan, string file, int failedStep, string reason, CancellationToken ct)
    {
        foreach (var name in Verified)
        {
            var target = ScriptTargets.Parse(name);
            var script = target.Writer().Write(plan);
            var runs = await Task.WhenAll(
                ScriptVerifier.RunAsync(target, script, file + target.Extension(), new VerifyEnvironment { BaseUrl = Samples, Timeout = TimeSpan.FromMinutes(3) }, ct),
                ScriptVerifier.RunAsync(target, script, file + target.Extension(), new VerifyEnvironment { BaseUrl = Samples + "/broken", Timeout = TimeSpan.FromMinutes(3) }, ct));

            Assert.True(runs[0].Passed, $"{name}:\n{runs[0].Output}");
            Assert.False(runs[1].Passed, $"{name}:\n{runs[1].Output}");
            Assert.Equal(failedStep, runs[1].FailedStep);
            Assert.Contains(reason, runs[1].Output, StringComparison.Ordinal);
        }
    }

    private async Task<ReplayReport> ReplayAsync(RunDetails details, string baseUrl, CancellationToken ct)
    {
        await using var driver = await fixture.Browser.NewDriverAsync(fixture.Browser.Options.With(), ct);
        var request = new ReplayRequest { Heal = HealMode.Off, BaseUrl = baseUrl, SamplesBaseUrl = Samples, Policy = new PolicyOptions(), Secret = _ => null };
        return await new ReplayRunner(driver).RunAsync(details, request, ct);
    }
}
