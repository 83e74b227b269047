using VisualAgent.Planning;

namespace VisualAgent.Agent;

/// <summary>
/// A planner that knows its next steps (the offline planner). The loop looks ahead to answer a native dialog that a
/// step opens with the plan's answer ("click Ask name; type Bob into the dialog; click OK in the dialog").
/// </summary>
public interface IStepPreview
{
    /// <summary>The steps not decided yet, in order.</summary>
    IReadOnlyList<StepIntent> Upcoming { get; }
}
