using VisualAgent.Grounding;
using VisualAgent.Runs;

namespace VisualAgent.Bench.Tasks;

/// <summary>
/// One task's result: the agent's <see cref="Verdict"/> and the app's <see cref="Truth"/> (success_js after the agent
/// stopped) as fields of their own, so a false success (verdict succeeded, truth not true) and a false failure (verdict
/// not succeeded, truth true) can be told. Simulated outcomes say so.
/// </summary>
internal sealed record TaskOutcome
{
    public required string Id { get; init; }

    public required string Model { get; init; }

    /// <summary>The agent's verdict; error until the task got as far as a verdict.</summary>
    public TaskVerdict Verdict { get; init; } = TaskVerdict.Error;

    /// <summary>The app's verdict: success_js when the agent stopped; unknown when it threw, the page was gone or never opened.</summary>
    public TaskTruth Truth { get; init; } = TaskTruth.Unknown;

    /// <summary>success_js was truthy when the agent stopped (the score).</summary>
    public bool Success => Truth == TaskTruth.True;

    /// <summary>The agent said succeeded and the app does not say true.</summary>
    public bool FalseSuccess => Verdict == TaskVerdict.Succeeded && Truth != TaskTruth.True;

    /// <summary>The agent did not say succeeded (and ran) while the app says true.</summary>
    public bool FalseFailure => Verdict is not (TaskVerdict.Succeeded or TaskVerdict.NotRun) && Truth == TaskTruth.True;

    /// <summary>The instruction as a user reads it: the task's instruction, or the text its instruction_js gave; null when not evaluated.</summary>
    public string? Instruction { get; init; }

    /// <summary>What the agent was given: the instruction, or the solution's steps (--instructions solution).</summary>
    public string? Goal { get; init; }

    public RunStatus Status { get; init; } = RunStatus.Failed;

    /// <summary>run.json's cause (none when the run succeeded or never started).</summary>
    public FailureCause RunCause { get; init; }

    public string? Reason { get; init; }

    public int Steps { get; init; }

    /// <summary>Steps whose check failed / was only weak (run.json).</summary>
    public int FailedChecks { get; init; }

    public int WeakChecks { get; init; }

    /// <summary>Each step's duration in ms (started to ended, from steps.jsonl).</summary>
    public IReadOnlyList<double> StepMs { get; init; } = [];

    public int ModelCalls { get; init; }

    public double WallMs { get; init; }

    public TokenUsage Tokens { get; init; } = new(0, 0);

    public string? RunFolder { get; init; }

    /// <summary>The screen as the run ended (full path), when the run saved it.</summary>
    public string? FinalScreenshot { get; init; }

    /// <summary>The model behind the run was the simulator: every figure here is simulated.</summary>
    public bool Simulated { get; init; }

    /// <summary>Why the task could not run or be judged (setup, instruction, success_js errors), or null.</summary>
    public string? Error { get; init; }

    /// <summary>The kind of <see cref="Error"/> for a task that never started.</summary>
    public TaskFailureCause ErrorCause { get; init; } = TaskFailureCause.TaskError;

    /// <summary>Notes of the simulated oracle (what it could not play), empty otherwise.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Why the task failed or was judged wrongly, as results name it (<see cref="TaskCauses"/>); null when it succeeded.</summary>
    public string? CauseName => TaskCauses.Of(this);

    /// <summary>One line: why the task failed (the error, else the agent's reason, else "success_js was false").</summary>
    public string? Cause => Success && !FalseFailure
        ? null
        : Error ?? (Verdict == TaskVerdict.Succeeded ? $"the agent said succeeded but success_js was {(Truth == TaskTruth.False ? "false" : "not evaluated")}" : Reason);
}
