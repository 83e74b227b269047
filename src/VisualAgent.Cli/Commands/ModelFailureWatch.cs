using VisualAgent.Agent;
using VisualAgent.Errors;
using VisualAgent.Grounding;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Cli.Commands;

/// <summary>
/// Notes a model failure (an unreachable endpoint, an unusable reply) that escapes a run's model planner or grounder,
/// so that `run` exits with the model's code (3) as the README says, not the plain "task failed" (1). The run itself
/// still ends as failed with the failure as its reason, run.json and the report written.
/// </summary>
internal sealed class ModelFailureWatch
{
    private VisualAgentException? _failure;

    /// <summary>The first model failure seen, if any.</summary>
    public VisualAgentException? Failure => Volatile.Read(ref _failure);

    public IPlanner Watch(IPlanner planner) => new WatchedPlanner(planner, this);

    public IGrounder Watch(IGrounder grounder) => new WatchedGrounder(grounder, this);

    /// <summary>The run's exit code, 3 when it failed after a model failure (Ctrl-C keeps its own code).</summary>
    public int ExitCode(RunResult result) =>
        result.Record.Status == RunStatus.Failed && Failure is not null && result.Record.Reason != AgentRunner.InterruptedReason
            ? ExitCodes.ModelUnavailable
            : result.ExitCode;

    private async Task<T> ObserveAsync<T>(Task<T> call)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ModelUnavailableException or ModelReplyParseException)
        {
            Interlocked.CompareExchange(ref _failure, (VisualAgentException)ex, null);
            throw;
        }
    }

    private sealed class WatchedPlanner(IPlanner inner, ModelFailureWatch watch) : IPlanner
    {
        public string Name => inner.Name;

        public Task<PlannerDecision> DecideAsync(PlannerContext context, CancellationToken cancellationToken = default) =>
            watch.ObserveAsync(inner.DecideAsync(context, cancellationToken));
    }

    private sealed class WatchedGrounder(IGrounder inner, ModelFailureWatch watch) : IGrounder
    {
        public string Name => inner.Name;

        public Task<GroundingResult> GroundAsync(GroundingRequest request, CancellationToken cancellationToken = default) =>
            watch.ObserveAsync(inner.GroundAsync(request, cancellationToken));
    }
}
