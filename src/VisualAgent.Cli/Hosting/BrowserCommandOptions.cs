using System.CommandLine;
using Microsoft.Extensions.Configuration;
using VisualAgent.Agent.Runs;
using VisualAgent.Codegen.Replay;
using VisualAgent.Drivers.Web;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Hosting;

namespace VisualAgent.Cli.Hosting;

/// <summary>
/// The browser options of the command line, applied last over configuration (section Browser), and the
/// <see cref="BrowserSession"/> opened with them.
/// </summary>
internal static class BrowserCommandOptions
{
    public static readonly Option<string?> ViewportOption = new("--viewport") { Description = "Viewport in CSS pixels, WIDTHxHEIGHT (default from Browser:ViewportWidth/Height, 1280x720; replay and bench replay: the viewport the run recorded)." };

    public static readonly Option<double?> ScaleOption = new("--device-scale-factor", "--dsf") { Description = "Device pixels per CSS pixel (screenshots are in device pixels)." };

    public static readonly Option<bool> HeadedOption = new("--headed") { Description = "Show the browser window (needs a display)." };

    public static readonly Option<int?> SlowMoOption = new("--slow-mo") { Description = "Milliseconds to pause between browser operations, to watch a run." };

    public static readonly Option<string?> BrowserPathOption = new("--browser") { Description = "Browser executable (default: Browser:ExecutablePath, else Debian chromium, Chrome or Edge)." };

    public static readonly Option<string?> CdpOption = new("--cdp") { Description = "Attach to a running browser over CDP, e.g. http://127.0.0.1:9222." };

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

    /// <summary>
    /// The browser options for replaying <paramref name="details"/>: as <see cref="ReadOptions"/>, at the viewport and
    /// scale the run recorded unless --viewport / --device-scale-factor say otherwise (<see cref="WebReplay.Viewport"/>).
    /// </summary>
    public static (BrowserOptions Options, ReplayViewport Viewport) ReadReplayOptions(VerbContext context, RunDetails details, string? downloadsDir)
    {
        var options = ReadOptions(context, downloadsDir);
        var configured = context.Configuration.GetSection(BrowserOptions.SectionName).Get<BrowserOptions>() ?? new BrowserOptions();
        var viewport = WebReplay.Viewport(details, new PixelSize(configured.ViewportWidth, configured.ViewportHeight), configured.DeviceScaleFactor, context.Get(ViewportOption), context.Get(ScaleOption), "--viewport");
        return (options.With(viewport.Size.Width, viewport.Size.Height, viewport.DeviceScaleFactor), viewport);
    }

    /// <summary>
    /// Opens the browser and, when <paramref name="url"/> is given and <paramref name="navigate"/>, navigates to it
    /// (samples:PATH starts the samples server either way).
    /// </summary>
    public static Task<BrowserSession> OpenSessionAsync(VerbContext context, string? url, string? downloadsDir, bool navigate, CancellationToken ct) =>
        BrowserSession.OpenAsync(ReadOptions(context, downloadsDir), url, context.Loggers, navigate, ct);

    /// <summary>Opens the browser and, when <paramref name="url"/> is given, navigates to it.</summary>
    public static Task<BrowserSession> OpenSessionAsync(VerbContext context, string? url, string? downloadsDir, CancellationToken ct) =>
        OpenSessionAsync(context, url, downloadsDir, navigate: true, ct);
}
