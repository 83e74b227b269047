using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace VisualAgent.Drivers.Web;

/// <summary>The request guard: a route on every request of the session, asking the agent's guard before it continues.</summary>
public sealed partial class PlaywrightDriver : IRequestGuard
{
    private readonly ConcurrentQueue<BlockedRequest> _blocked = new();
    private volatile Func<OutgoingRequest, string?>? _guard;
    private bool _guardRouted;

    /// <inheritdoc />
    public async Task SetRequestGuardAsync(Func<OutgoingRequest, string?>? guard, CancellationToken cancellationToken = default)
    {
        _guard = guard;
        if (guard is null || _guardRouted)
        {
            return;
        }

        _guardRouted = true;
        // Registered after the local-only route, so it is asked first and falls back to it for what it lets go.
        await (_ownsContext ? _context.RouteAsync("**/*", GuardAsync) : CurrentPage.RouteAsync("**/*", GuardAsync)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IReadOnlyList<BlockedRequest> TakeBlockedRequests()
    {
        var taken = new List<BlockedRequest>();
        while (_blocked.TryDequeue(out var item))
        {
            taken.Add(item);
        }

        return taken;
    }

    private async Task GuardAsync(IRoute route)
    {
        try
        {
            var request = route.Request;
            var outgoing = new OutgoingRequest(request.Url, request.Method, request.IsNavigationRequest, IsMainFrame(request));
            var reason = _guard is { } guard ? guard(outgoing) : null;
            if (reason is null)
            {
                await route.FallbackAsync().ConfigureAwait(false);
                return;
            }

            _blocked.Enqueue(new BlockedRequest(request.Url, request.Method, reason, outgoing.IsNavigation && outgoing.IsMainFrame));
            DriverLog.RequestBlocked(_logger, request.Method, OriginOf(request.Url), reason); // the origin only: a query may carry what was typed
            if (outgoing.IsNavigation && outgoing.IsMainFrame)
            {
                // Answered here with 204 No Content, which a browser treats as "stay where you are": the page keeps its
                // document instead of an error page, and nothing reached the other origin.
                await route.FulfillAsync(new RouteFulfillOptions { Status = 204 }).ConfigureAwait(false);
            }
            else
            {
                await route.AbortAsync("blockedbyclient").ConfigureAwait(false);
            }
        }
        catch (PlaywrightException)
        {
            // The page or context closed while the request was in flight: nothing left to route.
        }
    }

    private static string OriginOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "(unreadable address)";

    private static bool IsMainFrame(IRequest request)
    {
        try
        {
            return request.Frame.ParentFrame is null;
        }
        catch (PlaywrightException)
        {
            return false; // a service worker's request has no frame
        }
    }
}
