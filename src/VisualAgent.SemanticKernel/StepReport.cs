using VisualAgent.Agent;
using VisualAgent.Runs;

namespace VisualAgent.SemanticKernel;

/// <summary>
/// What a Kernel function that acted reports back (serialized to JSON for the model): the run's status as the agent judged
/// it (succeeded only when the step's check held), why when it did not, and the run folder that records it.
/// </summary>
public sealed record StepReport(string Step, string Status, string? Reason, string RunFolder)
{
    public bool Succeeded => Status == "succeeded";

    internal static StepReport From(string step, RunResult result) => new(
        step,
        result.Record.Status switch
        {
            RunStatus.Succeeded => "succeeded",
            RunStatus.Blocked => "blocked",
            _ => "failed",
        },
        result.Record.Status == RunStatus.Succeeded ? null : result.Record.Reason ?? result.Record.Summary,
        result.Folder);
}
