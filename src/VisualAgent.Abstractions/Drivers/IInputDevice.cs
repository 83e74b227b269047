using VisualAgent.Actions;

namespace VisualAgent.Drivers;

/// <summary>Capability: performs one action (mouse, keyboard, wheel) given in screenshot pixels, then settles.</summary>
public interface IInputDevice
{
    /// <summary>Performs one action (its <see cref="AgentAction.Then"/> is the caller's business) and settles.</summary>
    Task<ActionOutcome> ExecuteAsync(AgentAction action, CancellationToken cancellationToken = default);
}
