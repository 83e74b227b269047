using VisualAgent.Grounding;
using VisualAgent.Runs;

namespace VisualAgent.Bench.Tasks;

/// <summary>
/// One task's result. <see cref="Success"/> is the app's verdict (success_js after the agent stopped), not the
/// agent's; <see cref="Status"/> and <see cref="Reason"/> are the agent's. Simulated outcomes say so.
/// </summary>
internal sealed record TaskOutcome
{
    public required string Id { get; init; }

    public required string Model { get; init; }

    /// <summary>success_js was truthy when the agent stopped.</summary>
    public bool Success { get; init; }

    public RunStatus Status { get; init; } = RunStatus.Failed;

    public string? Reason { get; init; }

    public int Steps { get; init; }

    public int ModelCalls { get; init; }

    public double WallMs { get; init; }

    public TokenUsage Tokens { get; init; } = new(0, 0);

    public string? RunFolder { get; init; }

    /// <summary>The model behind the run was the simulator: every figure here is simulated.</summary>
    public bool Simulated { get; init; }

    /// <summary>Why the task could not run or be judged (setup, instruction, success_js errors), or null.</summary>
    public string? Error { get; init; }

    /// <summary>The kind of <see cref="Error"/> (meaningful when there is one).</summary>
    public TaskFailureCause ErrorCause { get; init; } = TaskFailureCause.TaskError;

    /// <summary>Notes of the simulated oracle (what it could not play), empty otherwise.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>One line: why the task failed (the error, else the agent's reason, else "success_js was false").</summary>
    public string? Cause => Success ? null : Error ?? (Status == RunStatus.Succeeded ? "the agent finished but success_js was false" : Reason);
}
