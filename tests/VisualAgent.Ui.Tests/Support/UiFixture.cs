using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using VisualAgent.Drivers.Web;
using VisualAgent.Simulator.Samples;
using VisualAgent.Tests.Support;
using VisualAgent.Ui.Server;

[assembly: AssemblyFixture(typeof(UiFixture))]

namespace VisualAgent.Tests.Support;

/// <summary>
/// One UI server (temporary runs, bench and data folders; a 4 MB upload limit), one samples server and one system Chromium
/// for the whole assembly, and a screenshot of the samples' orders page with the DOM box of its "Export CSV" button.
/// </summary>
public sealed class UiFixture : IAsyncLifetime
{
    public const long UploadLimit = 4L * 1024 * 1024;

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private SamplesServer? _samples;
    private UiServer? _server;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "va-ui-tests", Guid.NewGuid().ToString("N")[..8]);

    public string RunsFolder => Path.Combine(Root, "runs");

    public string BenchFolder => Path.Combine(Root, "bench-out");

    public string DataFolder => Path.Combine(Root, "data");

    /// <summary>The PNG of the orders page at 1280x720.</summary>
    public string OrdersShot => Path.Combine(Root, "orders.png");

    /// <summary>The "Export CSV" button alone (Chromium's element screenshot): what a run saves as the element's crop.</summary>
    public string ExportCrop => Path.Combine(Root, "export-button.png");

    /// <summary>Where the "Export CSV" button is on <see cref="OrdersShot"/> (DOM box, CSS pixels = screenshot pixels at scale 1).</summary>
    public LocatorBoundingBoxResult ExportButton { get; private set; } = new();

    public UiServer Server => _server ?? throw new InvalidOperationException("Not initialised.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not initialised.");

    public SamplesServer Samples => _samples ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Configuration of the server: the default profiles plus "flaky", pointed at <see cref="FlakyEndpoint"/>.</summary>
    public static string FlakyEndpoint { get; } = "http://127.0.0.1:1/v1";

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(RunsFolder);
        Directory.CreateDirectory(BenchFolder);
        _samples = await SamplesServer.StartAsync();
        // A loaded CI machine (OCR, Roslyn and other test assemblies at once) can take more than the default 5 s.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserLocator.Find(null),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        await page.GotoAsync(_samples.Url("orders/"));
        ExportButton = await page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).BoundingBoxAsync() ?? throw new InvalidOperationException("The orders sample has no Export CSV button.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = OrdersShot });
        await page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ScreenshotAsync(new() { Path = ExportCrop });
        await page.CloseAsync();
        _server = await UiServer.StartAsync(Settings(Configuration()));
    }

    public UiSettings Settings(IConfiguration configuration) => new()
    {
        Configuration = configuration,
        Loggers = NullLoggerFactory.Instance,
        RunsFolder = RunsFolder,
        BenchFolder = BenchFolder,
        DataFolder = DataFolder,
        MaxUploadBytes = UploadLimit,
    };

    public static IConfiguration Configuration(IDictionary<string, string?>? extra = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Models:flaky:Kind"] = "openai",
            ["Models:flaky:Endpoint"] = FlakyEndpoint,
            ["Models:flaky:Model"] = "flaky",
            ["Models:flaky:Dialect"] = "qwen3-vl",
        })
        .AddInMemoryCollection(extra ?? new Dictionary<string, string?>())
        .Build();

    /// <summary>A new page of the shared browser at <paramref name="path"/> of the UI.</summary>
    public async Task<IPage> OpenAsync(string path = "", UiServer? server = null)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(new Uri((server ?? Server).BaseUri, path).AbsoluteUri);
        await Assertions.Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_samples is not null)
        {
            await _samples.DisposeAsync();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
