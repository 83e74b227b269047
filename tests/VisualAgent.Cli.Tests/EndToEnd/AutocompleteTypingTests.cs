using VisualAgent.Agent.Runs;
using VisualAgent.Codegen.Plans;
using VisualAgent.Codegen.Validation;
using VisualAgent.Codegen.Verification;
using VisualAgent.Codegen.Writers;
using VisualAgent.Runs;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.EndToEnd;

/// <summary>
/// Scripts type the way the page needs (the devpages combobox-state-oregon case, on a page of our own:
/// samples/web/autocomplete/, whose list of states filters on keyup only). A recorded run types a name into a plain
/// field and "Ore" into the combobox, picks Oregon and verifies it; its Playwright C#/TypeScript and Selenium C# scripts
/// pass against the live page, the Python ones compile, and the same TypeScript script with the combobox filled instead
/// of typed key by key fails at the step that picks the option.
/// </summary>
public sealed class AutocompleteTypingTests(E2eFixture fixture)
{
    private const string Steps = "type \"Ada\" into the \"Name\" field; type \"Ore\" into the \"State\" field; click \"Oregon\"; verify \"Chosen state: Oregon\"";

    private static readonly string[] Verified = ["playwright-cs", "playwright-ts", "selenium-cs"];

    private string Samples => fixture.Samples.BaseUrl.TrimEnd('/');

    [Fact]
    public async Task Codegen_AutocompleteRun_KeyByKeyScriptsPass_AndAPlainFillScriptFailsToFindTheOption()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var agent = new AgentOnPage(fixture);
        var result = await agent.RunAsync(Steps, Samples + "/autocomplete/", ct);
        Assert.True(result.Record.Status == RunStatus.Succeeded, result.Record.Reason);

        var details = new RunReader(new RunStore(agent.RunsRoot)).Load(result.Record.Id);
        var plan = PlanBuilder.Build(details);
        var name = Assert.Single(plan.Steps, s => s.Verb == ScriptVerb.Fill && s.Text!.ToString() == "Ada");
        var state = Assert.Single(plan.Steps, s => s.Verb == ScriptVerb.Fill && s.Text!.ToString() == "Ore");
        var pick = Assert.Single(plan.Steps, s => s.Description.Contains("Oregon", StringComparison.Ordinal) && s.Verb == ScriptVerb.Click);
        Assert.Null(name.KeyByKey);
        Assert.NotNull(state.KeyByKey);

        // The generated lines: key events for the combobox, a plain fill for the ordinary field, in the same run.
        var csharp = new PlaywrightCSharpWriter().Write(plan);
        Assert.Contains(".PressSequentiallyAsync(\"Ore\");", csharp, StringComparison.Ordinal);
        Assert.Contains(".FillAsync(\"Ada\");", csharp, StringComparison.Ordinal);
        Assert.DoesNotContain(".FillAsync(\"Ore\")", csharp, StringComparison.Ordinal);

        var checker = new ScriptChecker();
        foreach (var target in ScriptTargets.WebNames.Select(ScriptTargets.Parse))
        {
            var checkedScript = Assert.Single(await checker.CheckAsync(target, [("autocomplete" + target.Extension(), target.Writer().Write(plan))], ct));
            Assert.True(checkedScript.Passed && !checkedScript.Skipped, $"{target.Name()}: {checkedScript}");
        }

        // The same script with every step filled (the rule off) is what codegen wrote before: it must fail to find Oregon.
        var filled = plan with { Steps = [.. plan.Steps.Select(s => s with { KeyByKey = null })] };
        var environment = new VerifyEnvironment { BaseUrl = Samples, Timeout = TimeSpan.FromMinutes(3) };
        var runs = await Task.WhenAll(
            Verified.Select(ScriptTargets.Parse).Select(t => ScriptVerifier.RunAsync(t, t.Writer().Write(plan), "autocomplete" + t.Extension(), environment, ct))
                .Append(ScriptVerifier.RunAsync(ScriptTarget.PlaywrightTypeScript, new PlaywrightTypeScriptWriter().Write(filled), "filled.ts", environment with { Timeout = TimeSpan.FromMinutes(2) }, ct)));

        foreach (var (run, target) in runs.Zip(Verified))
        {
            Assert.True(run.Passed, $"{target}:\n{run.Output}");
        }

        Assert.False(runs[^1].Passed, runs[^1].Output);
        Assert.Equal(pick.Index, runs[^1].FailedStep);
    }
}
