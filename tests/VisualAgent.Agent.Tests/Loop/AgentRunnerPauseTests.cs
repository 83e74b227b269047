using VisualAgent.Actions;
using VisualAgent.Agent;
using VisualAgent.Agent.Runs;
using VisualAgent.Errors;
using VisualAgent.Runs;
using VisualAgent.Tests.Fakes;

namespace VisualAgent.Tests.Loop;

/// <summary>Ctrl-C at a terminal pauses between steps: resume, take over by hand, or stop.</summary>
public sealed class AgentRunnerPauseTests
{
    private const string ThreeClicks = "click One; click Two; click Three";

    private static (Harness H, FakePauseController Pause) Setup()
    {
        var h = new Harness();
        h.Grounder.With("One", 10, 10).With("Two", 20, 20).With("Three", 30, 30);
        var pause = new FakePauseController();
        h.Pause = pause;
        h.Driver.OnExecute = a => pause.PauseRequested |= a is ClickAction { X: 10 };
        return (h, pause);
    }

    [Fact]
    public async Task RunAsync_PauseThenResume_DoesEveryStep()
    {
        var (h, pause) = Setup();
        using var _ = h;
        pause.Choices.Enqueue(PauseChoice.Resume);

        var result = await h.RunAsync(ThreeClicks, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Succeeded, result.Record.Status);
        Assert.Equal(1, pause.Asked);
        Assert.Equal([10.0, 20.0, 30.0], h.Driver.Clicks.Select(c => c.X));
    }

    [Fact]
    public async Task RunAsync_PauseThenStop_EndsInterruptedBeforeTheNextStep()
    {
        var (h, pause) = Setup();
        using var _ = h;
        pause.Choices.Enqueue(PauseChoice.Stop);

        var result = await h.RunAsync(ThreeClicks, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((RunStatus.Failed, AgentRunner.InterruptedReason), (result.Record.Status, result.Record.Reason));
        Assert.Equal(ExitCodes.Interrupted, result.ExitCode);
        Assert.Equal([10.0], h.Driver.Clicks.Select(c => c.X));
        Assert.Equal(1, result.Record.Steps);
    }

    [Fact]
    public async Task RunAsync_PauseThenTakeOver_RecordsManualStepWithBeforeAndAfterShots()
    {
        var (h, pause) = Setup();
        using var _ = h;
        pause.Choices.Enqueue(PauseChoice.TakeOver);
        pause.TakeOver = () => h.Driver.CurrentUrl = "http://localhost/after-the-person";

        var result = await h.RunAsync(ThreeClicks, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Succeeded, result.Record.Status);
        var steps = new RunReader(h.Store).Load("latest").Steps;
        Assert.Equal(4, steps.Count);
        var manual = steps[1];
        Assert.StartsWith(AgentRunner.ManualTakeover, manual.Description, StringComparison.Ordinal);
        Assert.Equal((StepOutcome.Ok, 1.0), (manual.Outcome, manual.ScreenChange));
        Assert.True(File.Exists(Path.Combine(result.Folder, manual.Screenshot!)));
        Assert.True(File.Exists(Path.Combine(result.Folder, "shots", "002.after.png")));
        Assert.Equal([10.0, 20.0, 30.0], h.Driver.Clicks.Select(c => c.X));
    }

    [Fact]
    public async Task RunAsync_SecondCtrlCWhilePaused_StopsTheRun()
    {
        var (h, pause) = Setup();
        using var _ = h;
        pause.Hang = true;
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = h.RunAsync(ThreeClicks, cancellationToken: ctrlC.Token);
        while (pause.Asked == 0)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        await ctrlC.CancelAsync();
        var result = await run;

        Assert.Equal((RunStatus.Failed, AgentRunner.InterruptedReason), (result.Record.Status, result.Record.Reason));
        Assert.Equal([10.0], h.Driver.Clicks.Select(c => c.X));
    }

    [Fact]
    public async Task ConsolePauseController_FirstCtrlCPausesSecondStops_AndReadsTheChoice()
    {
        var output = new StringWriter();
        var pause = new ConsolePauseController(new StringReader("what\nt\n\n"), output);

        Assert.True(pause.OnInterrupt());
        Assert.False(pause.OnInterrupt());
        Assert.True(pause.PauseRequested);
        Assert.Equal(PauseChoice.TakeOver, await pause.AskAsync(TestContext.Current.CancellationToken));
        Assert.False(pause.PauseRequested);
        Assert.False(pause.OnInterrupt());
        await pause.WaitForTakeOverAsync(TestContext.Current.CancellationToken);
        Assert.True(pause.OnInterrupt());
        Assert.Equal(PauseChoice.Stop, await pause.AskAsync(TestContext.Current.CancellationToken));
        Assert.Contains("[r]esume", output.ToString(), StringComparison.Ordinal);
    }
}
