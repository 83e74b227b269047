using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VisualAgent.Drivers.Web;
using VisualAgent.Simulator.Samples;

namespace VisualAgent.Hosting;

/// <summary>
/// A browser, a driver on one page, and (for URLs written samples:PATH or {{samples}}/PATH) the samples server,
/// opened with the given browser options (the CLI reads them from configuration and its command line).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private SamplesServer? _samples;
    private PlaywrightBrowser? _browser;

    private BrowserSession()
    {
    }

    public PlaywrightDriver Driver { get; private set; } = null!;

    public BrowserOptions Options { get; private set; } = null!;

    public string? SamplesBaseUrl => _samples?.BaseUrl.TrimEnd('/');

    /// <summary>
    /// Opens the browser and, when <paramref name="url"/> is given, navigates to it (samples:PATH starts the samples
    /// server). With <paramref name="navigate"/> false the page stays blank: the caller loads the URL itself (the agent
    /// loop opens its start URL, and a page loaded twice fires its beforeunload handlers and one-time links twice).
    /// </summary>
    public static async Task<BrowserSession> OpenAsync(BrowserOptions options, string? url, ILoggerFactory? loggers = null, bool navigate = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var session = new BrowserSession { Options = options };
        try
        {
            if (url is not null && url.StartsWith("samples:", StringComparison.OrdinalIgnoreCase) || url?.Contains("{{samples}}", StringComparison.Ordinal) == true)
            {
                session._samples = await SamplesServer.StartAsync(cancellationToken: ct).ConfigureAwait(false);
            }

            session._browser = await PlaywrightBrowser.LaunchAsync(session.Options, (loggers ?? NullLoggerFactory.Instance).CreateLogger<PlaywrightBrowser>(), ct).ConfigureAwait(false);
            session.Driver = await session._browser.NewDriverAsync(cancellationToken: ct).ConfigureAwait(false);
            if (url is not null && navigate)
            {
                await session.Driver.NavigateAsync(session.ResolveUrl(url), ct).ConfigureAwait(false);
            }

            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>samples:orders/ and {{samples}}/orders/ become the samples server's URL; a bare path becomes a file URL.</summary>
    public string ResolveUrl(string url)
    {
        if (url.StartsWith("samples:", StringComparison.OrdinalIgnoreCase))
        {
            return $"{SamplesBaseUrl}/{url["samples:".Length..].TrimStart('/')}";
        }

        if (url.Contains("{{samples}}", StringComparison.Ordinal))
        {
            return url.Replace("{{samples}}", SamplesBaseUrl, StringComparison.Ordinal);
        }

        if (!url.Contains("://", StringComparison.Ordinal) && (File.Exists(url) || url.StartsWith('/') || url.StartsWith('.')))
        {
            return new Uri(Path.GetFullPath(url)).AbsoluteUri;
        }

        return url;
    }

    /// <summary>Another page in a fresh context of the session's browser (its own cookies and storage), owned by the caller.</summary>
    public Task<PlaywrightDriver> NewDriverAsync(CancellationToken ct = default) =>
        (_browser ?? throw new InvalidOperationException("The session is not open.")).NewDriverAsync(Options, ct);

    public async ValueTask DisposeAsync()
    {
        if (Driver is not null)
        {
            await Driver.DisposeAsync().ConfigureAwait(false);
        }

        if (_browser is not null)
        {
            await _browser.DisposeAsync().ConfigureAwait(false);
        }

        if (_samples is not null)
        {
            await _samples.DisposeAsync().ConfigureAwait(false);
        }
    }
}
