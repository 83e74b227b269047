using VisualAgent.Drivers.Web;
using VisualAgent.Simulator.Samples;
using VisualAgent.Tests;

[assembly: AssemblyFixture(typeof(BrowserFixture))]

namespace VisualAgent.Tests;

/// <summary>One Chromium and two static servers (samples/web and this project's Pages/) for the whole test assembly.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private PlaywrightBrowser? _browser;
    private SamplesServer? _samples;
    private SamplesServer? _pages;

    public PlaywrightBrowser Browser => _browser ?? throw new InvalidOperationException("Not initialised.");

    public SamplesServer Samples => _samples ?? throw new InvalidOperationException("Not initialised.");

    public SamplesServer Pages => _pages ?? throw new InvalidOperationException("Not initialised.");

    private static readonly string _downloadsRoot = Path.Combine(Path.GetTempPath(), "va-web-tests-" + Environment.ProcessId);

    public static BrowserOptions DefaultOptions() => new() { SettleTimeoutMs = 2000, NavigationTimeoutMs = 10_000, DialogTimeoutMs = 10_000 };

    public async ValueTask InitializeAsync()
    {
        _samples = await SamplesServer.StartAsync();
        _pages = await SamplesServer.StartAsync(Path.Combine(AppContext.BaseDirectory, "Pages"));
        _browser = await PlaywrightBrowser.LaunchAsync(DefaultOptions());
    }

    /// <summary>A driver on a fresh context and page of the shared browser, with its own downloads folder.</summary>
    public Task<PlaywrightDriver> NewDriverAsync(Action<BrowserOptions>? configure = null)
    {
        var options = DefaultOptions();
        options.DownloadsDir = Path.Combine(_downloadsRoot, Guid.NewGuid().ToString("N"));
        configure?.Invoke(options);
        return Browser.NewDriverAsync(options, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_samples is not null)
        {
            await _samples.DisposeAsync();
        }

        if (_pages is not null)
        {
            await _pages.DisposeAsync();
        }

        if (Directory.Exists(_downloadsRoot))
        {
            Directory.Delete(_downloadsRoot, recursive: true);
        }
    }
}
