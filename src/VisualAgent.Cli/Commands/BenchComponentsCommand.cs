using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using VisualAgent.Cli.Hosting;
using VisualAgent.Drivers;
using VisualAgent.Drivers.Web;
using VisualAgent.Errors;
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

    private static readonly Option<int> CountOption = new("--count") { Description = "Screenshots to ground.", DefaultValueFactory = _ => 500 };

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

        var memory = new Command("memory", "Ground many small screenshots with the OCR grounder; report process memory and live native objects before and after.\nExample: visual-agent bench memory --count 500");
        memory.Options.Add(CountOption);
        memory.Options.Add(CommonOptions.Json);
        memory.SetHandler(MemoryAsync);
        return [driver, vision, memory];
    }

    private static async Task<int> DriverAsync(VerbContext context, CancellationToken ct)
    {
        var options = BrowserCommandOptions.ReadOptions(context);
        var url = context.Get(UrlOption)!;
        await using var samples = url.StartsWith("samples:", StringComparison.Ordinal) ? await SamplesServer.StartAsync(cancellationToken: ct).ConfigureAwait(false) : null;
        var resolved = samples is null ? url : samples.Url(url["samples:".Length..]);
        var rows = await WithStatus("measuring the web driver", () => WebDriverBenchmark.RunAsync(options, resolved, context.Get(IterationsOption), ct)).ConfigureAwait(false);
        Print(context, "web driver", rows);
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

    private static async Task<int> MemoryAsync(VerbContext context, CancellationToken ct)
    {
        var count = context.Get(CountOption);
        var png = await OrdersScreenshotAsync(context, 640, 360, ct).ConfigureAwait(false);
        using var ocr = ModelStacks.CreateOcr(context.Configuration);
        var grounder = new OcrGrounder(ocr);
        var targets = new[] { "Export CSV", "the Search field", "Orders", "Next", "the Status dropdown" };
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Snapshot();
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
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var after = Snapshot();
        var report = new
        {
            groundings = count,
            found,
            seconds = Math.Round(watch.Elapsed.TotalSeconds, 1),
            rss_mb_before = before.Rss,
            rss_mb_after = after.Rss,
            managed_mb_before = before.Managed,
            managed_mb_after = after.Managed,
            native_objects_before = before.Native,
            native_objects_after = after.Native,
        };
        if (context.Json)
        {
            CliOutput.WriteJson(report);
        }
        else
        {
            CliOutput.Out.WriteLine($"grounded {count} screenshots (640x360) in {report.seconds} s, {found} found");
            CliOutput.Out.WriteLine($"process RSS {before.Rss:0.0} MB -> {after.Rss:0.0} MB; managed heap {before.Managed:0.0} MB -> {after.Managed:0.0} MB; live native objects {before.Native} -> {after.Native}");
        }

        return after.Native == before.Native ? 0 : ExitCodes.TaskFailed;
    }

    private static (double Rss, double Managed, int Native) Snapshot()
    {
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
