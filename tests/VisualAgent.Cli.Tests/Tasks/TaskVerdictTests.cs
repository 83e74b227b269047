using VisualAgent.Bench.Tasks;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Tasks;

/// <summary>The agent's verdict and the app's truth of one task, kept apart (samples server, real Chromium, the offline model).</summary>
public sealed class TaskVerdictTests(E2eFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static BenchTask Task(string id, string? solution, string successJs, string? instruction = "Pick the Large size.", string? instructionJs = null) => new()
    {
        Id = id, Url = "{{samples}}/forms/", Instruction = instructionJs is null ? instruction : null, InstructionJs = instructionJs,
        Solution = solution, SuccessJs = successJs, MaxSteps = 5, TimeoutSeconds = 60,
    };

    [Fact]
    public async Task RunAsync_AgentSaysSucceededButTheAppSaysNo_IsAFalseSuccess()
    {
        using var runs = new TempFolder("fs");
        var task = Task("large-but-judged-false", "click \"Large\"", "window.__state.size === 'Small'");

        var o = await BenchTaskRunner.RunAsync(task, fixture.Options("offline", runs.Path) with { Instructions = TaskInstructions.Solution }, Ct);

        Assert.Equal((TaskVerdict.Succeeded, TaskTruth.False), (o.Verdict, o.Truth));
        Assert.True(o.FalseSuccess, o.Cause);
        Assert.Equal("false_success", o.CauseName);
        Assert.Equal("click \"Large\"", o.Goal);
        Assert.Equal("Pick the Large size.", o.Instruction);
    }

    [Fact]
    public async Task RunAsync_SuccessJsThrows_TruthIsUnknownAndTheVerdictStands()
    {
        using var runs = new TempFolder("unknown");
        var task = Task("throws", "click \"Large\"", "(() => { throw new Error('no such state'); })()");

        var o = await BenchTaskRunner.RunAsync(task, fixture.Options("offline", runs.Path) with { Instructions = TaskInstructions.Solution }, Ct);

        Assert.Equal((TaskVerdict.Succeeded, TaskTruth.Unknown), (o.Verdict, o.Truth));
        Assert.Contains("success_js could not be evaluated", o.Error, StringComparison.Ordinal);
        Assert.True(o.FalseSuccess);
    }

    [Fact]
    public async Task RunAsync_SolutionModeAndNoSolution_IsNotRun()
    {
        using var runs = new TempFolder("notrun");

        var o = await BenchTaskRunner.RunAsync(Task("no-solution", null, "true"), fixture.Options("offline", runs.Path) with { Instructions = TaskInstructions.Solution }, Ct);

        Assert.Equal((TaskVerdict.NotRun, TaskTruth.Unknown, "not_run"), (o.Verdict, o.Truth, o.CauseName));
        Assert.Null(o.RunFolder);
        Assert.False(o.FalseFailure);
    }

    [Fact]
    public async Task RunAsync_InstructionJs_TheInstructionIsTheTextItGave()
    {
        using var runs = new TempFolder("ijs");
        var task = Task("from-js", null, "window.__state.size === 'Large'", instructionJs: "'click ' + JSON.stringify([...document.querySelectorAll('label')].map(l => l.textContent.trim()).find(t => t === 'Large'))");

        var o = await BenchTaskRunner.RunAsync(task, fixture.Options("offline", runs.Path), Ct);

        Assert.Equal("click \"Large\"", o.Instruction);
        Assert.Equal(o.Instruction, o.Goal);
        Assert.Equal((TaskVerdict.Succeeded, TaskTruth.True), (o.Verdict, o.Truth));
    }

    [Theory]
    [InlineData(false, TaskVerdict.Blocked, TaskTruth.False)]
    [InlineData(true, TaskVerdict.Succeeded, TaskTruth.True)]
    public async Task RunAsync_PasswordWrittenInTheTask_IsTypedOnlyWhenTheTaskAllowsRiskySteps(bool allowRisky, TaskVerdict verdict, TaskTruth truth)
    {
        using var runs = new TempFolder("risky");
        var task = fixture.Suite["login-success"] with { AllowRisky = allowRisky };

        var o = await BenchTaskRunner.RunAsync(task, fixture.Options("offline", runs.Path) with { Instructions = TaskInstructions.Solution }, Ct);

        Assert.Equal((verdict, truth), (o.Verdict, o.Truth));
        Assert.Equal(allowRisky ? null : "policy", o.CauseName);
    }
}
