using Microsoft.Extensions.Logging;
using System.CommandLine;
using Microsoft.Extensions.Configuration;
using VisualAgent.Drivers.Web;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Simulator.Samples;

namespace VisualAgent.Cli.Hosting;

/// <summary>
/// A browser, a driver on one page, and (for URLs written samples:PATH) the samples server — opened from configuration
/// (section Browser) with the browser options of the command line applied last.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    public static readonly Option<string?> ViewportOption = new("--viewport") { Description = "Viewport in CSS pixels, WIDTHxHEIGHT (default from Browser:ViewportWidth/Height, 1280x720)." };

    public static readonly Option<double?> ScaleOption = new("--device-scale-factor", "--dsf") { Description = "Device pixels per CSS pixel (screenshots are in device pixels)." };

    public static readonly Option<bool> HeadedOption = new("--headed") { Description = "Show the browser window (needs a display)." };

    public static readonly Option<int?> SlowMoOption = new("--slow-mo") { Description = "Milliseconds to pause between browser operations, to watch a run." };

    public static readonly Option<string?> BrowserPathOption = new("--browser") { Description = "Browser executable (default: Browser:ExecutablePath, else Debian chromium, Chrome or Edge)." };

    public static readonly Option<string?> CdpOption = new("--cdp") { Description = "Attach to a running browser over CDP, e.g. http://127.0.0.1:9222." };

    private SamplesServer? _samples;
    private PlaywrightBrowser? _browser;

    private BrowserSession()
    {
    }

    public PlaywrightDriver Driver { get; private set; } = null!;

    public BrowserOptions Options { get; private set; } = null!;

    public string? SamplesBaseUrl => _samples?.BaseUrl.TrimEnd('/');

    public static void AddOptions(Command command)
    {
        command.Options.Add(ViewportOption);
        command.Options.Add(ScaleOption);
        command.Options.Add(HeadedOption);
        command.Options.Add(SlowMoOption);
        command.Options.Add(BrowserPathOption);
        command.Options.Add(CdpOption);
    }

    public static BrowserOptions ReadOptions(VerbContext context, string? downloadsDir = null)
    {
        var options = context.Configuration.GetSection(BrowserOptions.SectionName).Get<BrowserOptions>() ?? new BrowserOptions();
        if (context.Get(ViewportOption) is { } viewport)
        {
            var size = PixelSize.TryParse(viewport, out var s) ? s : throw new UsageException($"--viewport '{viewport}' is not WIDTHxHEIGHT, e.g. 1280x720.");
            options.ViewportWidth = size.Width;
            options.ViewportHeight = size.Height;
        }

        if (context.Get(ScaleOption) is { } scale)
        {
            options.DeviceScaleFactor = scale;
        }

        if (context.Get(HeadedOption))
        {
            options.Headless = false;
        }

        if (context.Get(SlowMoOption) is { } slowMo)
        {
            options.SlowMoMs = slowMo;
        }

        options.ExecutablePath = context.Get(BrowserPathOption) ?? options.ExecutablePath;
        options.CdpEndpoint = context.Get(CdpOption) ?? options.CdpEndpoint;
        options.DownloadsDir = downloadsDir ?? options.DownloadsDir;
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message, ex);
        }

        return options;
    }

    /// <summary>Opens the browser and, when <paramref name="url"/> is given, navigates to it (samples:PATH starts the samples server).</summary>
    public static async Task<BrowserSession> OpenAsync(VerbContext context, string? url, string? downloadsDir, CancellationToken ct)
    {
        var session = new BrowserSession { Options = ReadOptions(context, downloadsDir) };
        try
        {
            if (url is not null && url.StartsWith("samples:", StringComparison.OrdinalIgnoreCase) || url?.Contains("{{samples}}", StringComparison.Ordinal) == true)
            {
                session._samples = await SamplesServer.StartAsync(cancellationToken: ct).ConfigureAwait(false);
            }

            session._browser = await PlaywrightBrowser.LaunchAsync(session.Options, context.Loggers.CreateLogger<PlaywrightBrowser>(), ct).ConfigureAwait(false);
            session.Driver = await session._browser.NewDriverAsync(cancellationToken: ct).ConfigureAwait(false);
            if (url is not null)
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
