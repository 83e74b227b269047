using VisualAgent.Errors;

namespace VisualAgent.SemanticKernel;

/// <summary>A Kernel function was asked for a target the grounder cannot find on the screen.</summary>
public sealed class TargetNotFoundException(string message) : VisualAgentException(message, ExitCodes.TaskFailed);
