using VisualAgent.Bench.Tasks;
using VisualAgent.Runs;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.EndToEnd;

/// <summary>
/// The offline default on samples/web/targets: each cause of wrong grounding on unfamiliar pages, and each way a run
/// could say "succeeded" when it did not. The agent's verdict must agree with the page's own state.
/// </summary>
public sealed class TrustworthyGroundingTests(E2eFixture fixture)
{
    private async Task<TaskOutcome> RunAsync(string steps, string successJs, string page = "")
    {
        using var runs = new TempFolder("targets");
        var task = new BenchTask { Id = "targets", Url = "{{samples}}/targets/" + page, Instruction = steps, SuccessJs = successJs, MaxSteps = 8, TimeoutSeconds = 60 };
        return await BenchTaskRunner.RunAsync(task, fixture.Options("offline", runs.Path), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Run_AdjacentTextareaAndButtons_TypesIntoTheFieldAndClicksTheRightButton()
    {
        var outcome = await RunAsync("type \"milk\" into the \"Note\" field; click \"Add\"", "window.__state.added.join() === 'milk' && window.__state.cleared === 0");

        Assert.True(outcome.Success, outcome.Cause);
        Assert.Equal(RunStatus.Succeeded, outcome.Status);
    }

    [Fact]
    public async Task Run_NameBesideFirstName_TypesIntoTheExactLabel()
    {
        var outcome = await RunAsync("type \"Ada\" into the \"Name\" field", "document.getElementById('name').value === 'Ada' && document.getElementById('first').value === ''");

        Assert.True(outcome.Success, outcome.Cause);
        Assert.Equal(RunStatus.Succeeded, outcome.Status);
    }

    [Fact]
    public async Task Run_HeadingNamedLikeTheField_TypesIntoTheFieldBesideItsLabel()
    {
        var outcome = await RunAsync("type \"ada@example.com\" into the \"Email\" field", "document.getElementById('email').value === 'ada@example.com'");

        Assert.True(outcome.Success, outcome.Cause);
        Assert.Equal(RunStatus.Succeeded, outcome.Status);
    }

    [Fact]
    public async Task Run_ButtonUnderAnOverlay_FailsSayingItIsCovered()
    {
        var outcome = await RunAsync("click \"Archive\"", "window.__state.archived === 1");

        Assert.False(outcome.Success);
        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Contains("covered", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CheckboxThatIgnoresClicks_IsNotReportedChecked()
    {
        var outcome = await RunAsync("check \"Subscribe\"", "document.getElementById('stuck').getAttribute('aria-checked') === 'true'");

        Assert.False(outcome.Success);
        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Contains("expected checked, observed unchecked", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ButtonWithNoEffect_FailsInsteadOfSucceeding()
    {
        var outcome = await RunAsync("click \"Refresh\"", "false");

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Contains("no effect", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verify \"4 results\"", RunStatus.Failed)]
    [InlineData("verify \"14 results\"", RunStatus.Succeeded)]
    [InlineData("verify \"14 Results\"", RunStatus.Failed)]
    public async Task Run_VerifyCount_MatchesWholeNumbersOnly(string step, RunStatus expected)
    {
        var outcome = await RunAsync(step, "true");

        Assert.Equal(expected, outcome.Status);
    }

    [Fact]
    public async Task Run_KindOnlyTargetWithSeveralOnScreen_IsRefusedWithTheChoices()
    {
        var outcome = await RunAsync("type \"x\" into the text field", "false");

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Contains("say which one", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SelectInAnAriaCombobox_OpensItAndClicksTheOption()
    {
        var outcome = await RunAsync("select \"Guava\" in the \"Favorite Fruit\" dropdown", "window.__state.fruit === 'Guava'", "widgets.html");

        Assert.True(outcome.Success, outcome.Cause);
        Assert.Equal(RunStatus.Succeeded, outcome.Status);
    }

    [Fact]
    public async Task Run_SelectFromAMenuButton_OpensTheMenuAndChoosesTheItem()
    {
        var outcome = await RunAsync("select \"Duplicate\" in the \"Actions\" menu; verify \"Duplicate\"", "window.__state.action === 'Duplicate'", "widgets.html");

        Assert.True(outcome.Success, outcome.Cause);
        Assert.Equal(RunStatus.Succeeded, outcome.Status);
    }
}
