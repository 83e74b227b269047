using VisualAgent.Bench.Tasks;
using VisualAgent.Drivers.Web;
using VisualAgent.Simulator.Samples;
using VisualAgent.Tests.Support;
using VisualAgent.Vision.Ocr;

[assembly: AssemblyFixture(typeof(E2eFixture))]

namespace VisualAgent.Tests.Support;

/// <summary>One headless Chromium, one samples server, one OCR engine and the samples task suite for the whole assembly.</summary>
public sealed class E2eFixture : IAsyncLifetime
{
    private PlaywrightBrowser? _browser;
    private SamplesServer? _samples;
    private TaskSuite? _suite;

    public PlaywrightBrowser Browser => _browser ?? throw new InvalidOperationException("Not initialised.");

    public SamplesServer Samples => _samples ?? throw new InvalidOperationException("Not initialised.");

    public TesseractOcr Ocr { get; } = new(new OcrOptions());

    /// <summary>samples/tasks/tasks-samples.json, loaded once.</summary>
    internal TaskSuite Suite => _suite ??= TaskSuiteLoader.Load(RepoPaths.TasksSuite);

    public async ValueTask InitializeAsync()
    {
        _samples = await SamplesServer.StartAsync();
        _browser = await PlaywrightBrowser.LaunchAsync(new BrowserOptions { NavigationTimeoutMs = 15_000 });
        await Ocr.EnsureAvailableAsync();
    }

    /// <summary>Options for one task run with <paramref name="model"/>, runs under <paramref name="runs"/>.</summary>
    internal TaskRunOptions Options(string model, string runs) => new()
    {
        Browser = Browser,
        Model = model,
        RunsFolder = runs,
        SamplesBaseUrl = Samples.BaseUrl,
        Ocr = Ocr,
    };

    public async ValueTask DisposeAsync()
    {
        Ocr.Dispose();
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
