using VisualAgent.Actions;
using VisualAgent.Grounding;

namespace VisualAgent.Planning;

/// <summary>
/// A planner's next step: either an action already grounded in screenshot pixels (a model that decides and grounds in
/// one call), or an intent in words that a grounder must place. Exactly one of them is set.
/// </summary>
public sealed record PlannerDecision
{
    public AgentAction? Action { get; init; }

    public StepIntent? Intent { get; init; }

    /// <summary>The model's raw reply, when a model decided.</summary>
    public string? Raw { get; init; }

    public Geometry.PixelSize? SentSize { get; init; }

    public TokenUsage? Usage { get; init; }

    public TimeSpan Latency { get; init; }

    public static PlannerDecision Of(AgentAction action, string? raw = null) => new() { Action = action, Raw = raw };

    public static PlannerDecision Of(StepIntent intent) => new() { Intent = intent };
}
