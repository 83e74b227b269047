using System.Diagnostics;
using VisualAgent.Runs;

namespace VisualAgent.Agent;

/// <summary>The pause between steps: resume, a manual takeover recorded as a step, or stop.</summary>
public sealed partial class AgentRunner
{
    public const string ManualTakeover = "manual takeover";

    private async Task PauseAsync(LoopState loop, CancellationTokenSource wall, CancellationToken interrupt)
    {
        var pausedAt = _time.GetTimestamp();
        var choice = await Pause.AskAsync(interrupt).ConfigureAwait(false);
        if (choice == PauseChoice.Stop)
        {
            loop.End(RunStatus.Failed, InterruptedReason, FailureCause.Interrupted);
            return;
        }

        if (choice == PauseChoice.TakeOver)
        {
            await TakeOverAsync(loop, interrupt).ConfigureAwait(false);
        }

        // Time spent paused does not count against the wall-time bound.
        loop.PausedTime += _time.GetElapsedTime(pausedAt);
        var left = _options.MaxWallTime - (_time.GetElapsedTime(loop.StartTimestamp) - loop.PausedTime);
        wall.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }

    /// <summary>A step "manual takeover": the screen before (shots/NNN.png) and after (shots/NNN.after.png) the person acted.</summary>
    private async Task TakeOverAsync(LoopState loop, CancellationToken interrupt)
    {
        var run = loop.Run;
        var started = _time.GetUtcNow();
        var t0 = Stopwatch.GetTimestamp();
        var index = ++loop.Index;
        var trace = new StepTrace();
        var before = await run.CaptureAsync(interrupt).ConfigureAwait(false);
        var beforePath = await SaveShotAsync(run, index, before, trace, interrupt).ConfigureAwait(false);
        await Pause.WaitForTakeOverAsync(interrupt).ConfigureAwait(false);
        var after = await run.CaptureAsync(interrupt).ConfigureAwait(false);
        var afterPath = await SaveAfterShotAsync(run, index, after, trace, interrupt).ConfigureAwait(false);
        var description = ManualTakeover + (afterPath is null ? "" : $" (after: {afterPath})");
        if (trace.Notes.Count > 0)
        {
            description += $" [{string.Join("; ", trace.Notes.Distinct())}]";
        }

        var record = new StepRecord
        {
            Index = index, Started = started, Ended = _time.GetUtcNow(), Description = description, Screenshot = beforePath,
            ScreenshotSize = before.Size, Outcome = StepOutcome.Ok, ScreenChange = _screenChange.Change(before.Png, after.Png),
            TotalMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds,
        };
        await loop.Writer.AppendStepAsync(record, CancellationToken.None).ConfigureAwait(false);
        StepRecorded?.Invoke(record);
        loop.History.Add($"{index}. {ManualTakeover}: a person acted in the browser -> ok");
        loop.OkSteps++;
        loop.ConsecutiveFailures = 0;
    }

    private static async Task<string?> SaveAfterShotAsync(RunContext run, int index, Drivers.Screenshot shot, StepTrace trace, CancellationToken cancellationToken)
    {
        if (run.CurrentUnmasked)
        {
            trace.Notes.Add("screenshot not saved: it may show a secret and no screenshot masker is configured");
            return null;
        }

        return await run.Writer.SaveAfterShotAsync(index, shot.Png, cancellationToken).ConfigureAwait(false);
    }
}
