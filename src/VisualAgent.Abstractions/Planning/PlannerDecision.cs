using VisualAgent.Actions;
using VisualAgent.Grounding;

namespace VisualAgent.Planning;

/// <summary>
/// A planner's next step, one of exactly two kinds (the hierarchy is closed: no other assembly can add a third):
/// <see cref="Grounded"/>, an action already placed in screenshot pixels (a model that decides and grounds in one
/// call), or <see cref="Described"/>, an intent in words that a grounder must place.
/// </summary>
public abstract record PlannerDecision
{
    private protected PlannerDecision()
    {
    }

    /// <summary>The action, for a <see cref="Grounded"/> decision; null otherwise.</summary>
    public AgentAction? Action => (this as Grounded)?.Act;

    /// <summary>The intent, for a <see cref="Described"/> decision; null otherwise.</summary>
    public StepIntent? Intent => (this as Described)?.Step;

    /// <summary>The model's raw reply, when a model decided.</summary>
    public string? Raw { get; init; }

    public Geometry.PixelSize? SentSize { get; init; }

    public TokenUsage? Usage { get; init; }

    public TimeSpan Latency { get; init; }

    public static PlannerDecision Of(AgentAction action, string? raw = null) => new Grounded(action) { Raw = raw };

    public static PlannerDecision Of(StepIntent intent) => new Described(intent);

    /// <summary>An action in screenshot pixels, ready to perform.</summary>
    public sealed record Grounded(AgentAction Act) : PlannerDecision;

    /// <summary>A step in words (verb, target phrase, text) that a grounder places on the screen.</summary>
    public sealed record Described(StepIntent Step) : PlannerDecision;
}
