using VisualAgent.Errors;
using VisualAgent.Runs;

namespace VisualAgent.Agent;

/// <summary>A finished run: its final run.json and its folder.</summary>
public sealed record RunResult(RunRecord Record, string Folder)
{
    /// <summary>The CLI exit code for the run: 0 succeeded, 4 blocked, 130 interrupted, 1 otherwise.</summary>
    public int ExitCode => Record.Status switch
    {
        RunStatus.Succeeded => ExitCodes.Success,
        RunStatus.Blocked => ExitCodes.Blocked,
        _ when Record.Reason == AgentRunner.InterruptedReason => ExitCodes.Interrupted,
        _ => ExitCodes.TaskFailed,
    };
}
