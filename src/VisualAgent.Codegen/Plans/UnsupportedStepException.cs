using VisualAgent.Errors;

namespace VisualAgent.Codegen.Plans;

/// <summary>A recorded action a script target cannot express: says which step, which action and which target.</summary>
public sealed class UnsupportedStepException(int step, string action, string target)
    : VisualAgentException($"Step {step} is a {action}, which {target} cannot express; export the run to a target that can (playwright-cs, playwright-ts or playwright-py), or replay it with 'visual-agent replay'.")
{
    public int Step { get; } = step;

    public string Action { get; } = action;
}
