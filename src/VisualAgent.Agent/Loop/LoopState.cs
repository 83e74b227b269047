using VisualAgent.Agent.Runs;
using VisualAgent.Runs;

namespace VisualAgent.Agent;

/// <summary>The loop's bookkeeping for one run: counters, status and what run.json says at any moment.</summary>
internal sealed class LoopState(RunRequest request, RunContext run, RunWriter writer, RunRecord initial, long startTimestamp)
{
    public RunRequest Request { get; } = request;

    public long StartTimestamp { get; } = startTimestamp;

    /// <summary>Time spent paused (Ctrl-C at a terminal), not counted against the wall-time bound.</summary>
    public TimeSpan PausedTime { get; set; }

    public RunContext Run { get; } = run;

    public RunWriter Writer { get; } = writer;

    public int Index { get; set; }

    public int OkSteps { get; set; }

    public int ConsecutiveFailures { get; set; }

    public RunStatus Status { get; private set; } = RunStatus.Running;

    public string? Reason { get; private set; }

    public string? Answer { get; set; }

    public List<string> History { get; } = [];

    /// <summary>Model time of the steps so far (for a GPU-hour price).</summary>
    public double ModelMs { get; set; }

    /// <summary>The run's cost so far from the request's price; null when the price is unknown.</summary>
    public double? Cost => Request.Price?.CostOf(Run.Tokens, ModelMs);

    /// <summary>The no-progress guard: the action repeated on an unchanged screen, how many times in a row, and whether the planner was told.</summary>
    public string? RepeatedAction { get; set; }

    public int Repeats { get; set; }

    public bool ToldNoProgress { get; set; }

    public int FailedChecks { get; private set; }

    public int WeakChecks { get; private set; }

    public void CountCheck(StepCheck? check)
    {
        if (check is { Held: false })
        {
            FailedChecks++;
        }
        else if (check is { Strength: CheckStrength.Weak })
        {
            WeakChecks++;
        }
    }

    public FailureCause Cause { get; private set; }

    public void End(RunStatus status, string reason, FailureCause cause = FailureCause.Error)
    {
        if (status == RunStatus.Succeeded && FailedChecks > 0)
        {
            // A run never says succeeded when a step's check failed, whatever the planner says.
            (status, reason, cause) = (RunStatus.Failed, $"{FailedChecks} step check(s) failed, although the planner said: {reason}", FailureCause.CheckFailed);
        }

        if (Status == RunStatus.Running)
        {
            Status = status;
            Reason = reason;
            Cause = status switch { RunStatus.Succeeded => FailureCause.None, RunStatus.Blocked => FailureCause.Policy, _ => cause };
        }
    }

    public RunRecord Snapshot(TimeProvider time) => initial with
    {
        Status = Status,
        Reason = Reason,
        Cause = Cause,
        Summary = Status == RunStatus.Running ? null : Summarize(),
        Steps = Writer.Steps.Count,
        ModelCalls = Run.ModelCalls,
        Tokens = Run.Tokens,
        Cost = Cost,
        DurationMs = time.GetElapsedTime(StartTimestamp).TotalMilliseconds,
        Answer = Answer,
        FailedChecks = FailedChecks,
        WeakChecks = WeakChecks,
        Downloads = [.. Run.Downloads],
    };

    private string Summarize()
    {
        var steps = $"{OkSteps} of {Writer.Steps.Count} step(s) ok";
        var downloads = Run.Downloads.Count > 0 ? $", {Run.Downloads.Count} download(s)" : "";
        return Status switch
        {
            RunStatus.Succeeded => $"Succeeded: {steps}{downloads}.",
            RunStatus.Blocked => $"Blocked at step {Index}: {steps}{downloads}; {Reason}",
            _ => $"Failed at step {Index}: {steps}{downloads}; {Reason}",
        };
    }
}
