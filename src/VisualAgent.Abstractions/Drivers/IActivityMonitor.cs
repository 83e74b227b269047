namespace VisualAgent.Drivers;

/// <summary>
/// Capability: counters of what the screen did (document changes, requests, navigations, downloads), so a step can
/// tell "the page reacted" and "the first attempt demonstrably had no effect" apart.
/// </summary>
public interface IActivityMonitor
{
    /// <summary>The counters now; compare two marks with <see cref="ActivityMark.Since"/>.</summary>
    Task<ActivityMark> MarkAsync(CancellationToken cancellationToken = default);
}
