using VisualAgent.Planning;

namespace VisualAgent.Agent.Offline;

/// <summary>
/// A planner without a model: it walks the user's parsed steps in order and then says done. It never reads the
/// screen, so text on a page cannot change what it does.
/// </summary>
public sealed class OfflinePlanner : IPlanner, IStepPreview
{
    private readonly IReadOnlyList<StepIntent> _steps;
    private int _next;

    public OfflinePlanner(IReadOnlyList<StepIntent> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _steps = steps;
    }

    public string Name => "offline";

    public IReadOnlyList<StepIntent> Steps => _steps;

    public IReadOnlyList<StepIntent> Upcoming => [.. _steps.Skip(_next)];

    /// <summary>Parses the instruction now, so that an unreadable step fails before anything runs.</summary>
    public static OfflinePlanner FromInstruction(string instruction) => new(StepParser.Parse(instruction));

    public Task<PlannerDecision> DecideAsync(PlannerContext context, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var intent = _next < _steps.Count ? _steps[_next++] : new StepIntent(StepVerb.Done) { Source = "all steps done" };
        return Task.FromResult(PlannerDecision.Of(intent));
    }
}
