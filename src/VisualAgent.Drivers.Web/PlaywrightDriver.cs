using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using VisualAgent.Errors;

namespace VisualAgent.Drivers.Web;

/// <summary>
/// <see cref="IBrowserDriver"/> over Playwright and a Chromium-family browser. Acts in screenshot pixels (converted
/// once, by <see cref="CoordinateMapper"/>), follows new tabs and pop-ups, surfaces native dialogs without blocking,
/// saves downloads, and settles after every action within <see cref="BrowserOptions.SettleTimeoutMs"/>.
/// </summary>
public sealed partial class PlaywrightDriver : IBrowserDriver, IElementQuery, IActivityMonitor
{
    private readonly IBrowserContext _context;
    private readonly bool _ownsContext;
    private readonly BrowserOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly string _downloadsDir;
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _gate = new();
    private PlaywrightBrowser? _ownedBrowser;
    private IPage _page;
    private ICDPSession? _cdp;
    private IPage? _cdpPage;
    private double _dsf;
    private int _viewportWidth;
    private int _viewportHeight;
    private bool _switched;
    private bool _crashed;
    private string? _hung;
    private bool _pointerPlaced;

    private PlaywrightDriver(IBrowserContext context, IPage page, bool ownsContext, BrowserOptions options, ILogger logger, TimeProvider time, string? artifactsDir)
    {
        _artifactsDir = artifactsDir;
        _ownsDownloadsDir = options.DownloadsDir is null;
        _context = context;
        _page = page;
        _ownsContext = ownsContext;
        _options = options;
        _logger = logger;
        _time = time;
        _downloadsDir = options.DownloadsDir ?? PrivateFolder.Create("visual-agent-downloads-");
    }

    /// <summary>Launches a browser for this driver alone (disposed with it).</summary>
    public static async Task<PlaywrightDriver> LaunchAsync(BrowserOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        var browser = await PlaywrightBrowser.LaunchAsync(options, logger, cancellationToken).ConfigureAwait(false);
        try
        {
            var driver = await browser.NewDriverAsync(options, cancellationToken).ConfigureAwait(false);
            driver._ownedBrowser = browser;
            return driver;
        }
        catch
        {
            await browser.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    internal static async Task<PlaywrightDriver> CreateAsync(
        IBrowserContext context, IPage page, bool ownsContext, BrowserOptions options, ILogger? logger, CancellationToken cancellationToken, string? artifactsDir = null)
    {
        var driver = new PlaywrightDriver(context, page, ownsContext, options, logger ?? NullLogger.Instance, TimeProvider.System, artifactsDir);
        context.SetDefaultTimeout(Math.Max(1000, options.NavigationTimeoutMs));
        await context.AddInitScriptAsync(PageScripts.Activity).ConfigureAwait(false);
        if (options.BlockNonLocalRequests)
        {
            await LocalOnlyRoutes.InstallAsync(context, page, ownsContext).ConfigureAwait(false);
        }

        context.Page += driver.OnNewPage;
        context.Request += driver.OnRequestStarted;
        context.RequestFinished += driver.OnRequestEnded;
        context.RequestFailed += driver.OnRequestEnded;
        driver.Attach(page);
        await driver.MeasureViewportAsync(page, cancellationToken).ConfigureAwait(false);
        return driver;
    }

    /// <inheritdoc />
    public string CurrentUrl => CurrentPage.Url;

    /// <summary>Device pixels per CSS pixel of the current page.</summary>
    public double DeviceScaleFactor => _dsf;

    /// <summary>The current page's viewport in screenshot pixels.</summary>
    public Geometry.PixelSize ScreenSize => new((int)Math.Round(_viewportWidth * _dsf), (int)Math.Round(_viewportHeight * _dsf));

    /// <summary>The Playwright page the driver acts on now (for callers that need Playwright itself).</summary>
    public IPage CurrentPage
    {
        get
        {
            lock (_gate)
            {
                return _page;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        await _disposed.CancelAsync().ConfigureAwait(false);
        _context.Page -= OnNewPage;
        try
        {
            if (_ownsContext)
            {
                await _context.CloseAsync().ConfigureAwait(false);
            }
            else if (_options.CdpEndpoint is null && !CurrentPage.IsClosed)
            {
                // A page in a persistent profile closes with the driver; an attached browser's tabs stay the user's.
                await CurrentPage.CloseAsync().ConfigureAwait(false);
            }
        }
        catch (PlaywrightException ex)
        {
            DriverLog.CloseFailed(_logger, ex.Message);
        }

        if (_ownedBrowser is not null)
        {
            await _ownedBrowser.DisposeAsync().ConfigureAwait(false);
        }

        if (_ownsDownloadsDir)
        {
            PrivateFolder.TryDelete(_downloadsDir);
        }

        _disposed.Dispose();
    }

    private async Task MeasureViewportAsync(IPage page, CancellationToken cancellationToken)
    {
        if (page.ViewportSize is { } size && _options.CdpEndpoint is null)
        {
            _viewportWidth = size.Width;
            _viewportHeight = size.Height;
            _dsf = _options.DeviceScaleFactor;
            return;
        }

        var measured = await page.EvaluateAsync<double[]>("() => [innerWidth, innerHeight, devicePixelRatio]")
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        _viewportWidth = (int)measured[0];
        _viewportHeight = (int)measured[1];
        _dsf = measured[2];
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        if (_crashed)
        {
            throw new DriverException($"The page {CurrentPage.Url} crashed (renderer out of memory or a browser bug). Start a new run or restart the browser.");
        }

        if (_hung is { } hung)
        {
            throw new DriverException($"page hung: {hung}; the page was closed. Start a new run.");
        }

        if (CurrentPage.IsClosed)
        {
            throw new DriverException("The page was closed and no other page is open. Navigate in a new driver.");
        }
    }

    /// <summary>
    /// After an operation on the page timed out: a page that cannot even evaluate "1" within a few seconds is hung (a
    /// script that never yields). It is closed, which ends its renderer, and every later call says "page hung"; a page
    /// that still answers is only slow, and says that.
    /// </summary>
    private async Task<DriverException> TimedOutAsync(IPage page, string what, Exception inner)
    {
        if (await AnswersAsync(page).ConfigureAwait(false))
        {
            return new DriverException($"{what} on {page.Url} timed out after {_options.NavigationTimeoutMs} ms (the page is slow, but it answers).", inner);
        }

        _hung = $"{what} on {page.Url} got no answer within {_options.NavigationTimeoutMs} ms, and the page answers nothing else either (a script that never ends?)";
        DriverLog.PageHung(_logger, page.Url);
        try
        {
            await page.CloseAsync(new() { RunBeforeUnload = false }).WaitAsync(TimeSpan.FromSeconds(10), _time).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // Closing it is best effort; the driver refuses to use it either way.
        }

        return new DriverException($"page hung: {_hung}; the page was closed.", inner);
    }

    /// <summary>Whether the page's main frame still runs script (a cheap probe, bounded to a few seconds).</summary>
    private async Task<bool> AnswersAsync(IPage page)
    {
        try
        {
            await page.EvaluateAsync<int>("1").WaitAsync(TimeSpan.FromSeconds(3), _time).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            return false;
        }
    }

    private static DriverException Wrap(string what, Exception ex) =>
        ex.Message.Contains("crash", StringComparison.OrdinalIgnoreCase)
            ? new DriverException($"{what} failed: the page crashed. Start a new run or restart the browser.", ex)
            : new DriverException($"{what} failed: {NavigationErrors.FirstLine(ex.Message)}", ex);

    /// <summary>Lets an abandoned Playwright task finish without an unobserved exception.</summary>
    private static void Observe(Task task) =>
        _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
