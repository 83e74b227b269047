using Microsoft.Extensions.Configuration;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using VisualAgent.Cli.Hosting;
using VisualAgent.Drivers;
using VisualAgent.Drivers.Web;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Grounding;
using VisualAgent.Simulator.Samples;
using VisualAgent.Vision;
using VisualAgent.Vision.Benchmarks;
using VisualAgent.Vision.Grounding;
using VisualAgent.Vision.Native;
using VisualAgent.Imaging;

namespace VisualAgent.Cli.Commands;

/// <summary>`bench driver`, `bench vision`, `bench memory`: component timings (medians) and native memory over many groundings.</summary>
internal static class BenchComponentsCommand
{
    private static readonly Option<int> IterationsOption = new("--iterations", "-n") { Description = "Runs per measurement (the median is reported).", DefaultValueFactory = _ => 9 };

    private static readonly Option<string> UrlOption = new("--url") { Description = "Page for the driver timings (samples:PATH starts the samples server).", DefaultValueFactory = _ => "samples:orders/" };

    private static readonly Option<FileInfo?> ImageOption = new("--image") { Description = "A 1920x1080 PNG to measure on (default: a screenshot of the samples orders page at 1920x1080)." };

    private static readonly Option<string?> DisplayOption = new("--display") { Description = "The X display (default: DISPLAY)." };

    private static readonly Option<string> AppOption = new("--app") { Description = "A command whose window's accessibility tree is walked (needs a D-Bus session with AT-SPI).", DefaultValueFactory = _ => "gtk3-demo" };

    private static readonly Option<int> CountOption = new("--count") { Description = "Screenshots to ground.", DefaultValueFactory = _ => 500 };

    private static readonly Option<string> ModelOption = new("--model", "-m") { Description = "An in-process model profile (Kind llamasharp).", Required = true };

    private static readonly Option<int> TokensOption = new("--tokens") { Description = "Tokens generated per measurement.", DefaultValueFactory = _ => 64 };

    public static IEnumerable<Command> Create()
    {
        var driver = new Command("driver", "Median ms of browser start, new page, 1920x1080 screenshot by each capture path, click round trip, element facts.\nExample: visual-agent bench driver -n 9");
        driver.Options.Add(IterationsOption);
        driver.Options.Add(UrlOption);
        driver.Options.Add(CommonOptions.Json);
        driver.SetHandler(DriverAsync);

        var vision = new Command("vision", "Median ms at 1920x1080 of decode, resize, encode, diff, template match, control detection, OCR and OCR grounding.\nExample: visual-agent bench vision -n 5");
        vision.Options.Add(IterationsOption);
        vision.Options.Add(ImageOption);
        vision.Options.Add(CommonOptions.Json);
        vision.SetHandler(VisionAsync);

        var memory = new Command("memory", "Ground many small screenshots with the OCR grounder; report process memory and live native objects, and a verdict: passed when native objects are back to their start and RSS levels off (second-half growth within 16 MB + 32 KB per grounding); exit 1 otherwise.\nExample: visual-agent bench memory --count 500");
        memory.Options.Add(CountOption);
        memory.Options.Add(CommonOptions.Json);
        memory.SetHandler(MemoryAsync);
        var desktop = new Command("desktop", "Median ms on an X display: full-screen capture (raw and PNG), XTEST move, click and one typed character, the AT-SPI tree walk of an app's window (with its element count) and the element at a point.\nExample: visual-agent bench desktop --display :99 --app gtk3-demo -n 9");
        desktop.Options.Add(IterationsOption);
        desktop.Options.Add(DisplayOption);
        desktop.Options.Add(AppOption);
        desktop.Options.Add(CommonOptions.Json);
        desktop.SetHandler(DesktopAsync);
        var inprocess = new Command("inprocess", "Load time and tokens/s of an in-process (llamasharp) model profile: medians of --iterations fresh loads and greedy generations of --tokens tokens.\nExample: visual-agent bench inprocess --model qwen3-vl-4b-gguf -n 3");
        inprocess.Options.Add(ModelOption);
        inprocess.Options.Add(IterationsOption);
        inprocess.Options.Add(TokensOption);
        inprocess.Options.Add(CommonOptions.Json);
        inprocess.SetHandler(InProcessAsync);
        return [driver, vision, memory, inprocess, desktop];
    }

    private static async Task<int> DriverAsync(VerbContext context, CancellationToken ct)
    {
        var options = BrowserCommandOptions.ReadOptions(context);
        var url = context.Get(UrlOption)!;
        await using var samples = url.StartsWith("samples:", StringComparison.Ordinal) ? await SamplesServer.StartAsync(cancellationToken: ct).ConfigureAwait(false) : null;
        var resolved = samples is null ? url : samples.Url(url["samples:".Length..]);
        var rows = await WithStatus("measuring the web driver", () => WebDriverBenchmark.RunAsync(options, resolved, context.Get(IterationsOption), ct, UncachedResize)).ConfigureAwait(false);
        Print(context, "web driver", rows);
        return 0;
    }

    /// <summary>Decode, resize and encode with no frame cache (each capture is new to the model path).</summary>
    private static byte[] UncachedResize(byte[] png, PixelSize size)
    {
        using var image = Image.Decode(png);
        using var resized = image.Resize(size);
        return resized.EncodePng();
    }

    private static async Task<int> DesktopAsync(VerbContext context, CancellationToken ct)
    {
        await using var session = await global::VisualAgent.Hosting.DesktopSession.OpenAsync(new Drivers.Desktop.DesktopOptions { Display = context.Get(DisplayOption) }, null, ct).ConfigureAwait(false);
        var driver = session.Driver;
        var rows = await WithStatus("measuring the desktop driver", () => Drivers.Desktop.DesktopBenchmark.RunAsync(driver, context.Get(AppOption), context.Get(IterationsOption), ct)).ConfigureAwait(false);
        Print(context, $"desktop driver on {driver.Display} ({driver.AccessibilityStatus})", rows);
        return 0;
    }

    private static async Task<int> VisionAsync(VerbContext context, CancellationToken ct)
    {
        var png = context.Get(ImageOption) is { } file
            ? await ImageFile.ReadAsync(file.FullName, ct).ConfigureAwait(false)
            : await OrdersScreenshotAsync(context, 1920, 1080, ct).ConfigureAwait(false);
        var rows = await WithStatus("measuring vision operations", () => VisionBenchmark.RunAsync(png, context.Get(IterationsOption), ct)).ConfigureAwait(false);
        Print(context, "vision at " + (ImageHeader.TryReadSize(png, out var size) ? size.ToString() : "?"), rows);
        return 0;
    }

    private static async Task<int> InProcessAsync(VerbContext context, CancellationToken ct)
    {
        var profile = Models.Profiles.ModelProfiles.FromConfiguration(context.Configuration).Get(context.Get(ModelOption)!);
        var native = context.Configuration.GetSection(Models.LlamaSharp.LlamaSharpOptions.SectionName).Get<Models.LlamaSharp.LlamaSharpOptions>();
        var r = await WithStatus("measuring the in-process model", () => VisualAgent.Hosting.InProcessModelBenchmark.RunAsync(profile, context.Get(IterationsOption), context.Get(TokensOption), native, ct)).ConfigureAwait(false);
        if (context.Json)
        {
            CliOutput.WriteJson(new
            {
                model = profile.Name,
                backend = r.Backend,
                iterations = r.Iterations,
                tokens = r.Tokens,
                load_ms = Math.Round(r.LoadMs, 1),
                prompt_ms = Math.Round(r.PromptMs, 2),
                prompt_tokens = r.PromptTokens,
                tokens_per_second = Math.Round(r.TokensPerSecond, 1),
                ms_per_token = Math.Round(r.MsPerToken, 3),
            });
            return 0;
        }

        var table = new Table().Title($"in-process {profile.Name} ({r.Backend}), medians of {r.Iterations}").AddColumns("measure", "median");
        table.AddRow("load (weights, mmproj, context)", string.Create(CultureInfo.InvariantCulture, $"{r.LoadMs:0.0} ms"));
        table.AddRow($"prompt ({r.PromptTokens} tokens)", string.Create(CultureInfo.InvariantCulture, $"{r.PromptMs:0.00} ms"));
        table.AddRow($"generation ({r.Tokens} tokens)", string.Create(CultureInfo.InvariantCulture, $"{r.TokensPerSecond:0.0} tokens/s ({r.MsPerToken:0.000} ms/token)"));
        CliOutput.Out.Write(table);
        return 0;
    }

    private static async Task<int> MemoryAsync(VerbContext context, CancellationToken ct)
    {
        var count = context.Get(CountOption);
        if (count < 10)
        {
            throw new UsageException($"--count {count} is too few to see a trend: give at least 10 (default 500).");
        }

        var png = await OrdersScreenshotAsync(context, 640, 360, ct).ConfigureAwait(false);
        using var ocr = ModelStacks.CreateOcr(context.Configuration);
        var grounder = new OcrGrounder(ocr);
        var targets = new[] { "Export CSV", "the Search field", "Orders", "Next", "the Status dropdown" };
        var before = Snapshot();
        var curve = new List<double> { before.Rss };
        var found = 0;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            // A fresh copy each time (one pixel changed) so the OCR cache cannot answer.
            using var image = Image.Decode(png);
            image.DrawPoint(new Geometry.ScreenPoint(i % image.Width, image.Height - 2), DrawColor.White, 1, 1);
            var shot = new Screenshot { Png = image.EncodePng(), Size = image.Size };
            var result = await grounder.GroundAsync(new GroundingRequest(shot, targets[i % targets.Length]), ct).ConfigureAwait(false);
            found += result.Found ? 1 : 0;
            if ((i + 1) * CurvePoints / count > (i * CurvePoints / count))
            {
                curve.Add(Snapshot().Rss);
            }
        }

        // The frame cache keeps the last few decoded shots on purpose (a step's consumers share them); drop them so the
        // count below is what leaked, not what is cached. The curve above already includes them: at most 8 frames.
        var cached = FrameCache.Shared.Count;
        FrameCache.Shared.Clear();
        var after = Snapshot();
        var verdict = MemoryVerdict.From(curve, before.Native, after.Native, count);
        var report = new
        {
            groundings = count,
            found,
            seconds = Math.Round(watch.Elapsed.TotalSeconds, 1),
            rss_mb_before = Math.Round(before.Rss, 1),
            rss_mb_after = Math.Round(after.Rss, 1),
            rss_mb_curve = curve.Select(r => Math.Round(r, 1)),
            managed_mb_before = Math.Round(before.Managed, 1),
            managed_mb_after = Math.Round(after.Managed, 1),
            native_objects_before = before.Native,
            native_objects_after = after.Native,
            passed = verdict.Passed,
            verdict = verdict.Text,
        };
        if (context.Json)
        {
            CliOutput.WriteJson(report);
        }
        else
        {
            CliOutput.Out.WriteLine($"grounded {count} screenshots (640x360) in {report.seconds} s, {found} found");
            CliOutput.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process RSS {before.Rss:0.0} MB -> {after.Rss:0.0} MB (after each tenth: {string.Join(", ", curve.Skip(1).Select(r => r.ToString("0", CultureInfo.InvariantCulture)))}); managed heap {before.Managed:0.0} MB -> {after.Managed:0.0} MB; live native objects {before.Native} -> {after.Native} (after dropping the {cached} cached frames)"));
            CliOutput.Out.MarkupLineInterpolated($"[bold {(verdict.Passed ? "green" : "red")}]verdict: {verdict.Text}[/]");
        }

        return verdict.Passed ? ExitCodes.Success : ExitCodes.TaskFailed;
    }

    /// <summary>RSS is read this many times during the groundings (after each equal share), for the plateau check.</summary>
    private const int CurvePoints = 10;

    /// <summary>Process memory after a full collection (finalizers run, so native objects owned by managed ones are freed) and an allocator trim.</summary>
    private static (double Rss, double Managed, int Native) Snapshot()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        AllocatorTrim.Run();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (process.WorkingSet64 / 1048576.0, GC.GetTotalMemory(forceFullCollection: true) / 1048576.0, NativeDiagnostics.LiveObjectCount);
    }

    private static async Task<byte[]> OrdersScreenshotAsync(VerbContext context, int width, int height, CancellationToken ct)
    {
        var options = BrowserCommandOptions.ReadOptions(context);
        options.ViewportWidth = width;
        options.ViewportHeight = height;
        await using var samples = await SamplesServer.StartAsync(cancellationToken: ct).ConfigureAwait(false);
        await using var browser = await PlaywrightBrowser.LaunchAsync(options, cancellationToken: ct).ConfigureAwait(false);
        await using var driver = await browser.NewDriverAsync(cancellationToken: ct).ConfigureAwait(false);
        await driver.NavigateAsync(samples.Url("orders/"), ct).ConfigureAwait(false);
        return (await driver.CaptureAsync(ct).ConfigureAwait(false)).Png.ToArray();
    }

    private static async Task<T> WithStatus<T>(string what, Func<Task<T>> work)
    {
        if (!CliOutput.Interactive)
        {
            CliOutput.Info(what + " ...");
            return await work().ConfigureAwait(false);
        }

        return await CliOutput.Err.Status().StartAsync(what + " ...", _ => work()).ConfigureAwait(false);
    }

    private static void Print(VerbContext context, string title, IReadOnlyList<(string Name, double MedianMs)> rows)
    {
        if (context.Json)
        {
            CliOutput.WriteJson(rows.Select(r => new { name = r.Name, median_ms = Math.Round(r.MedianMs, 2) }));
            return;
        }

        var table = new Table().Title(title).AddColumns("measure", "median ms");
        foreach (var (name, ms) in rows)
        {
            table.AddRow(Markup.Escape(name), ms.ToString("0.0", CultureInfo.InvariantCulture));
        }

        CliOutput.Out.Write(table);
    }
}
