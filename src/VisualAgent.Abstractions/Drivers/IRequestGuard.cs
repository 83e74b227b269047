namespace VisualAgent.Drivers;

/// <summary>
/// Capability: every request a page makes is shown to a guard before it leaves; a request the guard refuses never
/// reaches the network (web: route interception). This is how a secret stays on its origin even when the page itself
/// tries to send it elsewhere.
/// </summary>
public interface IRequestGuard
{
    /// <summary>
    /// Sets the guard, or removes it with null. It is called for every request of every page of the session, on any
    /// thread, and must be quick: it returns null to let the request go, or the reason it is blocked.
    /// </summary>
    Task SetRequestGuardAsync(Func<OutgoingRequest, string?>? guard, CancellationToken cancellationToken = default);

    /// <summary>Requests blocked since the last call, oldest first.</summary>
    IReadOnlyList<BlockedRequest> TakeBlockedRequests();
}

/// <summary>A request about to leave: its address, method, and whether it loads a document (in the page itself or a frame).</summary>
public sealed record OutgoingRequest(string Url, string Method, bool IsNavigation, bool IsMainFrame);

/// <summary>A request the guard stopped before it left, and why; a navigation means the page (or a frame) meant to go there.</summary>
public sealed record BlockedRequest(string Url, string Method, string Reason, bool IsNavigation = false);
