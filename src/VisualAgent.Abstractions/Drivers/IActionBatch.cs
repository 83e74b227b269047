using VisualAgent.Actions;

namespace VisualAgent.Drivers;

/// <summary>How long a driver waits after an action before it returns.</summary>
public enum ActionSettle
{
    /// <summary>As after any action: the document loaded, no request in flight and the DOM quiet for a while (Browser:SettleQuietMs).</summary>
    Full,

    /// <summary>
    /// Only the document loaded and no request in flight, with no quiet window: for callers that then read the action's
    /// effect back themselves and settle fully (<see cref="IActionBatch.SettleAsync"/>) when it does not hold yet.
    /// </summary>
    Light,
}

/// <summary>
/// Capability: several actions performed back to back as one (a field clicked, its text selected and typed over) with one
/// settle at the end (replay). Dialogs, pages it opens and downloads are handled as for a single action.
/// </summary>
public interface IActionBatch
{
    /// <summary>Performs <paramref name="actions"/> in order and settles once, as <paramref name="settle"/> says.</summary>
    Task<ActionOutcome> ExecuteBatchAsync(IReadOnlyList<AgentAction> actions, ActionSettle settle, CancellationToken cancellationToken = default);

    /// <summary>Waits for the page to settle as it does after a normal action (bounded; never fails).</summary>
    Task SettleAsync(CancellationToken cancellationToken = default);
}
