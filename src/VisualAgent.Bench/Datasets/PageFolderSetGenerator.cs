using System.Globalization;
using System.Text.Json;
using VisualAgent.Drivers.Web;
using VisualAgent.Drivers.Web.Scripts;
using VisualAgent.Errors;
using VisualAgent.Simulator.Samples;

namespace VisualAgent.Bench.Datasets;

/// <summary>
/// Builds a grounding set from a folder of third-party pages (../shared/devpages): serves the folder on 127.0.0.1
/// (every other host blocked), opens each page in headless Chromium, scrolls to each example anchor, photographs the
/// viewport and annotates every visible interactive element whose accessible name equals the text it shows: its own
/// text (buttons, links, tabs, options, menu and tree items, ARIA checkboxes) or its label's (fields, native
/// checkboxes). The DOM box is the truth. Elements with a name but no text (icon buttons) go to a second file,
/// <c>icon-only.json</c>; elements whose name is not what they show are counted and left out. Deterministic order:
/// pages sorted, anchors in document order, elements in reading order.
/// </summary>
public static class PageFolderSetGenerator
{
    /// <summary>The icon-only annotation file written beside the set.</summary>
    public const string IconOnlyFileName = "icon-only.json";

    /// <summary>Starts a server for <paramref name="pagesDir"/> and a browser that computes accessible names, generates
    /// the set into <paramref name="outputDir"/>, stops both.</summary>
    public static async Task<PageFolderSetSummary> GenerateAsync(
        string pagesDir, string outputDir, PageFolderSetOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var pages = PageFolder.Pages(pagesDir, options.Pages);
        var server = await SamplesServer.StartAsync(pagesDir, 0, ct).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            var browserOptions = options.Browser.With();
            browserOptions.ExtraArgs = [.. options.Browser.ExtraArgs, .. BrowserArguments];
            var browser = await PlaywrightBrowser.LaunchAsync(browserOptions, null, ct).ConfigureAwait(false);
            await using (browser.ConfigureAwait(false))
            {
                return await GenerateAsync(browser, server.BaseUrl, pages, outputDir, options, progress, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The browser arguments the generator needs: computed accessible names, and no host but 127.0.0.1 (the
    /// pages' W3C stylesheet and support iframes fail at once instead of waiting for a network that is not there).</summary>
    internal static IReadOnlyList<string> BrowserArguments { get; } =
        [AccessibleElementScript.BrowserArgument, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"];

    /// <summary>Generates the set with a browser (launched with <see cref="BrowserArguments"/>) and a server of the
    /// pages folder that the caller owns; <paramref name="pages"/> are paths relative to <paramref name="baseUrl"/>.</summary>
    internal static async Task<PageFolderSetSummary> GenerateAsync(
        PlaywrightBrowser browser, string baseUrl, IReadOnlyList<string> pages, string outputDir, PageFolderSetOptions options,
        IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var imagesDir = Path.Combine(outputDir, GroundingSetFile.ImagesFolder);
        Directory.CreateDirectory(imagesDir);
        var baseUri = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        var pageOptions = browser.Options.With(options.Viewport.Width, options.Viewport.Height, 1);
        var totals = new Totals();
        foreach (var page in pages)
        {
            var driver = await browser.NewDriverAsync(pageOptions, ct).ConfigureAwait(false);
            await using (driver.ConfigureAwait(false))
            {
                await PhotographPageAsync(driver, new Uri(baseUri, page).AbsoluteUri, page, imagesDir, options, totals, progress, ct).ConfigureAwait(false);
            }
        }

        var annotationFile = Path.Combine(outputDir, GroundingSetFile.DefaultFileName);
        var iconFile = Path.Combine(outputDir, IconOnlyFileName);
        await GroundingSetFile.WriteAsync(annotationFile, totals.Text, ct).ConfigureAwait(false);
        await GroundingSetFile.WriteAsync(iconFile, totals.Icons, ct).ConfigureAwait(false);
        return new PageFolderSetSummary(annotationFile, iconFile, imagesDir, pages.Count, totals.Shots)
        {
            TextNamed = totals.Text.Count,
            IconOnly = totals.Icons.Count,
            NameDiffers = totals.Differs,
            DroppedDuplicates = totals.Dropped,
            ByKind = totals.Text.GroupBy(s => s.DataType ?? "").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
        };
    }

    private static async Task PhotographPageAsync(
        PlaywrightDriver driver, string url, string page, string imagesDir, PageFolderSetOptions options, Totals totals, IProgress<string>? progress, CancellationToken ct)
    {
        await driver.NavigateAsync(url, ct).ConfigureAwait(false);
        await driver.EvaluateAsync(PageElementScript.Settle, ct).ConfigureAwait(false);
        if (await driver.EvaluateAsync(AccessibleElementScript.Probe, ct).ConfigureAwait(false) != "true")
        {
            throw new EnvironmentMissingException(
                $"The browser does not compute accessible names: launch it with {AccessibleElementScript.BrowserArgument} (PageFolderSetGenerator.BrowserArguments).");
        }

        var selector = JsonSerializer.Serialize(options.AnchorSelector);
        await driver.EvaluateAsync(AccessibleElementScript.Stable.Replace("%SELECTOR%", selector, StringComparison.Ordinal), ct).ConfigureAwait(false);
        var anchors = int.Parse(await driver.EvaluateAsync(AccessibleElementScript.CountAnchors.Replace("%SELECTOR%", selector, StringComparison.Ordinal), ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
        var slug = Slug(page);
        for (var i = 0; i < Math.Max(1, anchors); i++)
        {
            if (anchors > 0)
            {
                var scroll = AccessibleElementScript.ScrollToAnchor.Replace("%SELECTOR%", selector, StringComparison.Ordinal)
                    .Replace("%INDEX%", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("%OFFSET%", options.AnchorOffset.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                await driver.EvaluateAsync(scroll, ct).ConfigureAwait(false);
                await driver.EvaluateAsync(PageElementScript.Settle, ct).ConfigureAwait(false);
            }

            var shotId = anchors > 1 ? string.Create(CultureInfo.InvariantCulture, $"{slug}-{i + 1}") : slug;
            var (text, icons) = await PhotographAsync(driver, shotId, slug, imagesDir, options, totals, ct).ConfigureAwait(false);
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{shotId}: {text} text-named, {icons} icon-only"));
        }
    }

    private static async Task<(int Text, int Icons)> PhotographAsync(
        PlaywrightDriver driver, string shotId, string page, string imagesDir, PageFolderSetOptions options, Totals totals, CancellationToken ct)
    {
        var json = await driver.EvaluateAsync(AccessibleElementScript.Query, ct).ConfigureAwait(false);
        var elements = JsonSerializer.Deserialize<List<AccessibleElement>>(json, JsonSerializerOptions.Web) ?? [];
        var shot = await driver.CaptureAsync(ct).ConfigureAwait(false);
        var fileName = shotId + ".png";
        await File.WriteAllBytesAsync(Path.Combine(imagesDir, fileName), shot.Png, ct).ConfigureAwait(false);
        totals.Shots++;

        var ordered = elements
            .Select(e => e with { X1 = Math.Max(0, e.X1), Y1 = Math.Max(0, e.Y1), X2 = Math.Min(shot.Size.Width, e.X2), Y2 = Math.Min(shot.Size.Height, e.Y2) })
            .Where(e => e.X2 - e.X1 >= 2 && e.Y2 - e.Y1 >= 2)
            .OrderBy(e => Math.Round(e.Y1 / 10)).ThenBy(e => e.X1).ThenBy(e => e.Y1)
            .ToList();
        totals.Differs += ordered.Count(e => e.Naming is "differs");
        var named = ordered.Select(e => e.ToPageElement()).OfType<PageElement>().ToList();
        var written = InstructionWriter.Write(named, options.MaxOrdinal, out var dropped);
        totals.Dropped += dropped;
        var text = 0;
        var icons = 0;
        foreach (var (element, naming, instruction) in written)
        {
            var icon = naming.UiType == "icon";
            var list = icon ? totals.Icons : totals.Text;
            list.Add(new GroundingSample
            {
                ImgFilename = fileName,
                Bbox = [Round(element.X1), Round(element.Y1), Round(element.X2), Round(element.Y2)],
                ImgSize = [shot.Size.Width, shot.Size.Height],
                Instruction = instruction,
                Id = string.Create(CultureInfo.InvariantCulture, $"{shotId}-{(icon ? "icon-" : "")}{(icon ? ++icons : ++text):D3}"),
                Application = page,
                Platform = "web",
                UiType = naming.UiType,
                Group = page,
                DataType = element.Kind,
                LabelKind = icon ? LabelKinds.Other : naming.LabelKind,
            });
        }

        return (text, icons);
    }

    // "aria/patterns/checkbox/examples/checkbox-mixed.html?x=1" -> "checkbox-mixed".
    private static string Slug(string page) => Path.GetFileNameWithoutExtension(page.Split('?')[0]);

    private static double Round(double v) => Math.Round(v, 1);

    private sealed class Totals
    {
        public List<GroundingSample> Text { get; } = [];

        public List<GroundingSample> Icons { get; } = [];

        public int Shots { get; set; }

        public int Differs { get; set; }

        public int Dropped { get; set; }
    }
}
