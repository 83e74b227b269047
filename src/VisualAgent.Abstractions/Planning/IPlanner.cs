namespace VisualAgent.Planning;

/// <summary>Decides the next step from the goal, the screen and the history.</summary>
public interface IPlanner
{
    string Name { get; }

    Task<PlannerDecision> DecideAsync(PlannerContext context, CancellationToken cancellationToken = default);
}
