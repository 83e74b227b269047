using System.Net;
using Microsoft.Playwright;

namespace VisualAgent.Drivers.Web;

/// <summary>
/// <see cref="BrowserOptions.BlockNonLocalRequests"/>: a route on every request that lets requests to this machine
/// through and aborts the rest (as a blocked request, which the page sees as a network error), on the driver's own
/// context (every tab it opens) or, on a shared context, on its page.
/// </summary>
internal static class LocalOnlyRoutes
{
    public static Task InstallAsync(IBrowserContext context, IPage page, bool ownsContext) =>
        ownsContext ? context.RouteAsync("**/*", HandleAsync) : page.RouteAsync("**/*", HandleAsync);

    /// <summary>True for URLs that stay on this machine: loopback hosts, and file:, data:, blob:, about: URLs.</summary>
    public static bool IsLocal(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (uri.Scheme is "file" or "data" or "blob" or "about")
        {
            return true;
        }

        var host = uri.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }

    private static async Task HandleAsync(IRoute route)
    {
        try
        {
            if (IsLocal(route.Request.Url))
            {
                await route.ContinueAsync().ConfigureAwait(false);
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
}
