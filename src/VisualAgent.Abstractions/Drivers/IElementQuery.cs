namespace VisualAgent.Drivers;

/// <summary>
/// Capability: the elements a user could mean, read from the page's accessibility tree and DOM (web) or the
/// accessibility tree (desktop). Elements are opaque references; every box is in screenshot pixels. The agent's one
/// target resolver chooses among the candidates; drivers only supply them, their states and hit-testing.
/// </summary>
public interface IElementQuery
{
    /// <summary>
    /// The rendered elements of the screen (visible now or reachable by scrolling), with role, accessible name, text,
    /// states, boxes and scopes; capped at <paramref name="limit"/> elements (the result says when it was cut).
    /// </summary>
    Task<ElementSnapshot> QueryElementsAsync(int limit = 4000, CancellationToken cancellationToken = default);

    /// <summary>The element now (states, value, box), or null when it is gone from the screen.</summary>
    Task<UiElement?> RefreshAsync(string elementRef, CancellationToken cancellationToken = default);

    /// <summary>Scrolls the element into view (its page and any scrolling container) and returns it afresh; null when gone.</summary>
    Task<UiElement?> RevealAsync(string elementRef, CancellationToken cancellationToken = default);

    /// <summary>The element a click at the point would reach (its nearest interactive ancestor), or null.</summary>
    Task<UiElement?> HitTestAsync(Geometry.ScreenPoint point, CancellationToken cancellationToken = default);

    /// <summary>The element that has the keyboard focus (through open shadow roots and readable frames), or null.</summary>
    Task<UiElement?> FocusedAsync(CancellationToken cancellationToken = default);

    /// <summary>The rendered text of the screen as blocks with boxes (for verify and wait-for-text), capped at <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<TextBlock>> QueryTextAsync(int limit = 4000, CancellationToken cancellationToken = default);
}
