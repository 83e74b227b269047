using System.Globalization;
using System.Text.Json;
using VisualAgent.Drivers.Web;
using VisualAgent.Drivers.Web.Scripts;
using VisualAgent.Simulator.Samples;

namespace VisualAgent.Bench.Datasets;

/// <summary>
/// Builds a grounding set from the sample apps: for each state (<see cref="SampleScreen"/>) and viewport it opens the
/// page in headless Chromium, photographs the viewport and annotates every visible interactive element of the top
/// document (iframes and shadow roots are not entered) with its box and an instruction made from its visible text or
/// field label. Output: <c>grounding-samples.json</c> (ScreenSpot-Pro style) and <c>images/</c>. Deterministic:
/// screens in <see cref="SampleScreen.Defaults"/> order, viewports in option order, elements in reading order.
/// </summary>
internal static class GroundingSetGenerator
{
    /// <summary>Starts the samples server and a browser, generates the set into <paramref name="outputDir"/>, stops both.</summary>
    public static async Task<GroundingSetSummary> GenerateAsync(
        string outputDir, GroundingSetOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var server = await SamplesServer.StartAsync(options.SamplesRoot, 0, ct).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            var browser = await PlaywrightBrowser.LaunchAsync(options.Browser, null, ct).ConfigureAwait(false);
            await using (browser.ConfigureAwait(false))
            {
                return await GenerateAsync(browser, server.BaseUrl, outputDir, options, progress, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Generates the set with a browser and a samples server the caller owns (tests share them).</summary>
    public static async Task<GroundingSetSummary> GenerateAsync(
        PlaywrightBrowser browser, string samplesBaseUrl, string outputDir, GroundingSetOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var imagesDir = Path.Combine(outputDir, GroundingSetFile.ImagesFolder);
        Directory.CreateDirectory(imagesDir);
        var baseUri = new Uri(samplesBaseUrl.EndsWith('/') ? samplesBaseUrl : samplesBaseUrl + "/");
        var samples = new List<GroundingSample>();
        var dropped = 0;
        var shots = 0;
        foreach (var viewport in options.Viewports)
        {
            var pageOptions = browser.Options.With(viewport.Width, viewport.Height, options.DeviceScaleFactor);
            foreach (var screen in options.SelectedScreens())
            {
                // A fresh context per screenshot: no state (session, scroll, focus) leaks from one screen to the next.
                var driver = await browser.NewDriverAsync(pageOptions, ct).ConfigureAwait(false);
                await using (driver.ConfigureAwait(false))
                {
                    var (shot, dropHere) = await PhotographAsync(driver, new Uri(baseUri, screen.Path).AbsoluteUri, screen, viewport, imagesDir, options, ct).ConfigureAwait(false);
                    samples.AddRange(shot);
                    dropped += dropHere;
                    shots++;
                    progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{screen.Id} {viewport}: {shot.Count} target(s)"));
                }
            }
        }

        var annotationFile = Path.Combine(outputDir, GroundingSetFile.DefaultFileName);
        await GroundingSetFile.WriteAsync(annotationFile, samples, ct).ConfigureAwait(false);
        return new GroundingSetSummary(annotationFile, imagesDir, shots, samples.Count, dropped)
        {
            ByLabelKind = samples.GroupBy(s => s.LabelKind ?? LabelKinds.Other).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
        };
    }

    private static async Task<(List<GroundingSample> Samples, int Dropped)> PhotographAsync(
        PlaywrightDriver driver, string url, SampleScreen screen, Geometry.PixelSize viewport, string imagesDir, GroundingSetOptions options, CancellationToken ct)
    {
        await driver.NavigateAsync(url, ct).ConfigureAwait(false);
        if (screen.ClickSelector is { } click)
        {
            Require(await driver.EvaluateAsync(PageElementScript.Click(click), ct).ConfigureAwait(false), screen, click);
        }

        if (screen.ScrollToSelector is { } scrollTo)
        {
            Require(await driver.EvaluateAsync(PageElementScript.ScrollToCentre(scrollTo), ct).ConfigureAwait(false), screen, scrollTo);
        }

        await driver.EvaluateAsync(PageElementScript.Settle, ct).ConfigureAwait(false);
        var elements = JsonSerializer.Deserialize<List<PageElement>>(await driver.EvaluateAsync(PageElementScript.Query, ct).ConfigureAwait(false), JsonSerializerOptions.Web) ?? [];
        if (options.IncludeCanvas && screen.HasCanvasButton
            && JsonSerializer.Deserialize<PageElement?>(await driver.EvaluateAsync(PageElementScript.CanvasButton, ct).ConfigureAwait(false), JsonSerializerOptions.Web) is { } drawn)
        {
            elements.Add(drawn with { Kind = "canvas", Tag = "canvas", Text = "Canvas OK" });
        }

        var shot = await driver.CaptureAsync(ct).ConfigureAwait(false);
        var fileName = string.Create(CultureInfo.InvariantCulture, $"{screen.Id}-{viewport.Width}x{viewport.Height}.png");
        await File.WriteAllBytesAsync(Path.Combine(imagesDir, fileName), shot.Png, ct).ConfigureAwait(false);

        var ordered = elements
            .Select(e => e with { X1 = Math.Max(0, e.X1), Y1 = Math.Max(0, e.Y1), X2 = Math.Min(shot.Size.Width, e.X2), Y2 = Math.Min(shot.Size.Height, e.Y2) })
            .Where(e => e.X2 - e.X1 >= 2 && e.Y2 - e.Y1 >= 2)
            .OrderBy(e => Math.Round(e.Y1 / 10)).ThenBy(e => e.X1).ThenBy(e => e.Y1)
            .ToList();
        var written = InstructionWriter.Write(ordered, options.MaxOrdinal, out var dropped);
        var samples = written.Select((w, i) => new GroundingSample
        {
            ImgFilename = fileName,
            Bbox = [Round(w.Element.X1), Round(w.Element.Y1), Round(w.Element.X2), Round(w.Element.Y2)],
            ImgSize = [shot.Size.Width, shot.Size.Height],
            Instruction = w.Instruction,
            Id = string.Create(CultureInfo.InvariantCulture, $"{screen.Id}-{viewport.Width}x{viewport.Height}-{i + 1:D3}"),
            Application = screen.Application,
            Platform = "web",
            UiType = w.Naming.UiType,
            Group = screen.Id,
            DataType = w.Element.Kind,
            LabelKind = w.Naming.LabelKind,
        }).ToList();
        return (samples, dropped);
    }

    private static double Round(double v) => Math.Round(v, 1);

    /// <summary>A sample screen whose setup element is missing is a broken sample, not a screen to photograph as it is.</summary>
    private static void Require(string found, SampleScreen screen, string selector)
    {
        if (found != "true")
        {
            throw new InvalidOperationException($"Sample screen \"{screen.Id}\": no element matches {selector} on {screen.Path}; the sample page changed.");
        }
    }
}
