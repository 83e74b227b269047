using VisualAgent.Actions;
using VisualAgent.Drivers;
using VisualAgent.Runs;
using VisualAgent.Tests.Fakes;

namespace VisualAgent.Tests.Loop;

/// <summary>Native dialogs answered by the plan's steps rather than by the policy's default.</summary>
public sealed class AgentRunnerDialogTests
{
    private static Harness WithPromptOn(string button, double x)
    {
        var h = new Harness();
        h.Grounder.With(button, x, 40);
        h.Driver.OutcomeOf = a => a is ClickAction c && c.X == x ? new ActionOutcome { Dialog = new NativeDialog(NativeDialogKind.Prompt, "Your name?", "anonymous") } : null;
        return h;
    }

    [Fact]
    public async Task RunAsync_PromptAnsweredByNextSteps_TypesThePlansText()
    {
        using var h = WithPromptOn("Ask name", 100);

        var result = await h.RunAsync("click \"Ask name\"; type \"Bob\" into the dialog; click \"OK\" in the dialog", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Succeeded, result.Record.Status);
        Assert.Equal(3, result.Record.Steps);
        Assert.Equal([true], h.Driver.DialogAnswers);
        Assert.Equal(["Bob"], h.Driver.DialogTexts);
        var steps = new VisualAgent.Agent.Runs.RunReader(h.Store).Load("latest").Steps;
        Assert.Contains("as the plan says", steps[0].Description, StringComparison.Ordinal);
        Assert.Contains("click \"OK\" in the dialog", steps[2].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PromptWithoutPlanAnswer_AcceptsWithDefault()
    {
        using var h = WithPromptOn("Ask name", 100);

        await h.RunAsync("click \"Ask name\"", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([true], h.Driver.DialogAnswers);
        Assert.Equal(["anonymous"], h.Driver.DialogTexts);
    }

    [Fact]
    public async Task RunAsync_DismissGivenBeforeTheDialogOpens_IsRememberedForIt()
    {
        using var h = WithPromptOn("Ask confirm", 200);

        var result = await h.RunAsync("dismiss the dialog; click \"Ask confirm\"; click \"Ask confirm\"", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Succeeded, result.Record.Status);
        Assert.Equal([false, true], h.Driver.DialogAnswers);
    }

    [Fact]
    public async Task RunAsync_PendingDialogAtTheDialogStep_IsAnsweredThenAndLaterStepsSkip()
    {
        using var h = new Harness();
        h.Driver.PendingDialog = new NativeDialog(NativeDialogKind.Prompt, "Your name?", "anonymous");

        var result = await h.RunAsync("type \"Eve\" into the prompt; click Cancel in the dialog", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Succeeded, result.Record.Status);
        Assert.Equal([false], h.Driver.DialogAnswers);
        Assert.Equal(2, result.Record.Steps);
    }
}
