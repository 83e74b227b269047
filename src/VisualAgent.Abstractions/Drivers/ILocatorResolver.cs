namespace VisualAgent.Drivers;

/// <summary>
/// Capability: finds a recorded locator's element on the screen now, with the browser's own locator engine (replay).
/// </summary>
public interface ILocatorResolver
{
    /// <summary>How many elements the locator matches now, and the element when it is exactly one (boxes in screenshot pixels).</summary>
    Task<LocatorMatch> ResolveAsync(ElementLocator locator, CancellationToken cancellationToken = default);
}

/// <summary>What a locator matched: a count, and the element when the count is one.</summary>
public sealed record LocatorMatch(int Count, UiElement? Element);
