using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using VisualAgent.Errors;

namespace VisualAgent.Drivers.Web;

/// <summary>
/// One running (or attached) browser. Cheap drivers are opened on it with <see cref="NewDriverAsync"/>: each gets its
/// own context (cookies, viewport, scale) and page. Tests share one of these per assembly.
/// </summary>
public sealed class PlaywrightBrowser : IAsyncDisposable
{
    private static readonly string[] _defaultArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser? _browser;
    private readonly IBrowserContext? _sharedContext;
    private readonly ILogger _logger;
    private int _attachedPagesUsed;

    /// <summary>Where the launched browser writes downloads in progress: private, removed with the browser.</summary>
    private string? _artifacts;

    private PlaywrightBrowser(IPlaywright playwright, IBrowser? browser, IBrowserContext? sharedContext, BrowserOptions options, string? executable, ILogger logger)
    {
        _playwright = playwright;
        _browser = browser;
        _sharedContext = sharedContext;
        Options = options;
        ExecutablePath = executable;
        _logger = logger;
    }

    public BrowserOptions Options { get; }

    /// <summary>The executable launched, or null when attached over CDP.</summary>
    public string? ExecutablePath { get; }

    /// <summary>The browser's version string.</summary>
    public string Version => _browser?.Version ?? _sharedContext?.Browser?.Version ?? "";

    /// <summary>Starts Playwright and launches (or attaches to) the browser the options describe.</summary>
    public static async Task<PlaywrightBrowser> LaunchAsync(BrowserOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        logger ??= NullLogger.Instance;
        // Never let Playwright fetch browsers: this project uses the system's Chromium.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var executable = options.CdpEndpoint is null ? BrowserLocator.Find(options.ExecutablePath) : null;

        var playwright = await Playwright.CreateAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var args = _defaultArgs.Concat(options.ExtraArgs).ToArray();
            if (options.CdpEndpoint is { } endpoint)
            {
                var attached = await playwright.Chromium.ConnectOverCDPAsync(endpoint, new() { Timeout = options.NavigationTimeoutMs, SlowMo = options.SlowMoMs })
                    .WaitAsync(cancellationToken).ConfigureAwait(false);
                DriverLog.Attached(logger, endpoint, attached.Version);
                return new PlaywrightBrowser(playwright, attached, attached.Contexts.FirstOrDefault(), options, null, logger);
            }

            var artifacts = PrivateFolder.Create("visual-agent-browser-");
            if (options.UserDataDir is { } profile)
            {
                Directory.CreateDirectory(profile);
                var persistent = await playwright.Chromium.LaunchPersistentContextAsync(profile, new()
                {
                    ExecutablePath = executable, Headless = options.Headless, SlowMo = options.SlowMoMs, Args = args, DownloadsPath = artifacts,
                    ViewportSize = new() { Width = options.ViewportWidth, Height = options.ViewportHeight },
                    DeviceScaleFactor = (float)options.DeviceScaleFactor, AcceptDownloads = true,
                }).WaitAsync(cancellationToken).ConfigureAwait(false);
                DriverLog.Launched(logger, executable!, persistent.Browser?.Version ?? "", profile);
                return new PlaywrightBrowser(playwright, null, persistent, options, executable, logger) { _artifacts = artifacts };
            }

            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = executable, Headless = options.Headless, SlowMo = options.SlowMoMs, Args = args, DownloadsPath = artifacts,
                Timeout = Math.Max(30_000, options.NavigationTimeoutMs),
            }).WaitAsync(cancellationToken).ConfigureAwait(false);
            DriverLog.Launched(logger, executable!, browser.Version, "(fresh)");
            return new PlaywrightBrowser(playwright, browser, null, options, executable, logger) { _artifacts = artifacts };
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            playwright.Dispose();
            throw new EnvironmentMissingException(
                $"The browser could not start ({NavigationErrors.FirstLine(ex.Message)}). Check Browser:ExecutablePath"
                + (options.CdpEndpoint is null ? "" : $" or that a browser listens on {options.CdpEndpoint}") + ", or run: apt-get install chromium", ex);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a driver on a new page. With a launched browser the page gets its own context, sized by
    /// <paramref name="pageOptions"/> (default: the launch options); with a profile or CDP it shares the one context.
    /// </summary>
    public async Task<PlaywrightDriver> NewDriverAsync(BrowserOptions? pageOptions = null, CancellationToken cancellationToken = default)
    {
        var options = pageOptions ?? Options;
        options.Validate();
        if (_sharedContext is null)
        {
            var context = await _browser!.NewContextAsync(new()
            {
                ViewportSize = new() { Width = options.ViewportWidth, Height = options.ViewportHeight },
                DeviceScaleFactor = (float)options.DeviceScaleFactor,
                AcceptDownloads = true,
            }).WaitAsync(cancellationToken).ConfigureAwait(false);
            var page = await context.NewPageAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return await PlaywrightDriver.CreateAsync(context, page, ownsContext: true, options, _logger, cancellationToken, _artifacts).ConfigureAwait(false);
        }

        // A profile or an attached browser already has a tab: the first driver takes it.
        var existing = Interlocked.Exchange(ref _attachedPagesUsed, 1) == 0
            ? _sharedContext.Pages.FirstOrDefault()
            : null;
        var shared = existing ?? await _sharedContext.NewPageAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return await PlaywrightDriver.CreateAsync(_sharedContext, shared, ownsContext: false, options, _logger, cancellationToken, _artifacts).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_sharedContext is not null && Options.CdpEndpoint is null)
            {
                await _sharedContext.CloseAsync().ConfigureAwait(false);
            }

            if (_browser is not null)
            {
                // Over CDP this disconnects and leaves the user's browser running.
                await _browser.CloseAsync().ConfigureAwait(false);
            }
        }
        catch (PlaywrightException ex)
        {
            DriverLog.CloseFailed(_logger, ex.Message);
        }
        finally
        {
            _playwright.Dispose();
            PrivateFolder.TryDelete(_artifacts);
        }
    }
}
