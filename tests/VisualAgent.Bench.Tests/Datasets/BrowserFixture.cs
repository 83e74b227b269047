using VisualAgent.Bench.Datasets;
using VisualAgent.Drivers.Web;
using VisualAgent.Geometry;
using VisualAgent.Simulator.Samples;
using VisualAgent.Tests.Datasets;
using VisualAgent.Vision.Ocr;

[assembly: AssemblyFixture(typeof(BrowserFixture))]

namespace VisualAgent.Tests.Datasets;

/// <summary>
/// One Chromium, one samples server and one OCR engine pool for the whole test assembly, and the small grounding set
/// (orders and login at 1280x720) generated once on first use.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PlaywrightBrowser? _browser;
    private SamplesServer? _samples;
    private GroundingSetSummary? _smallSet;

    public PlaywrightBrowser Browser => _browser ?? throw new InvalidOperationException("Not initialised.");

    public SamplesServer Samples => _samples ?? throw new InvalidOperationException("Not initialised.");

    public TesseractOcr Ocr { get; } = new();

    /// <summary>The screens of the small set.</summary>
    internal static GroundingSetOptions SmallSetOptions() => new() { Viewports = [new PixelSize(1280, 720)], Screens = ["orders", "login"] };

    public async ValueTask InitializeAsync()
    {
        _samples = await SamplesServer.StartAsync();
        _browser = await PlaywrightBrowser.LaunchAsync(new BrowserOptions { NavigationTimeoutMs = 15_000 });
    }

    /// <summary>A fresh temporary folder for one test's output.</summary>
    public static string NewFolder(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "va-bench-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The small set, generated on the first call.</summary>
    internal async Task<GroundingSetSummary> SmallSetAsync()
    {
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return _smallSet ??= await GroundingSetGenerator.GenerateAsync(
                Browser, Samples.BaseUrl, NewFolder("small-set"), SmallSetOptions(), null, TestContext.Current.CancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Ocr.Dispose();
        _gate.Dispose();
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_samples is not null)
        {
            await _samples.DisposeAsync();
        }
    }
}
