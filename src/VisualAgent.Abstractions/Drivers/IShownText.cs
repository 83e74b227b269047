namespace VisualAgent.Drivers;

/// <summary>
/// Capability: the one rule for "the page shows TEXT" (verify and wait-for-text), decided by the driver on the page itself
/// so that the agent's run, replay and generated scripts apply the same rule. The web driver's rule: only occurrences a
/// person can see, form-control values included, code listings excluded; see its page script for the details.
/// </summary>
public interface IShownText
{
    /// <summary>
    /// Where <paramref name="text"/> is shown now, scrolled into view; when it is not, the result says why
    /// (<see cref="ShownText.Problem"/>) instead of throwing.
    /// </summary>
    Task<ShownText> FindShownTextAsync(string text, CancellationToken cancellationToken = default);
}
