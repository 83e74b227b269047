using VisualAgent.Drivers.Web;
using VisualAgent.Errors;

namespace VisualAgent.Bench.BuiltIn;

/// <summary>
/// The generated built-in suites (refexp, OCR, VQA, caption, multi-image): small drawn scenes rendered in headless
/// Chromium, annotated from the DOM. A copy of each is committed under samples/bench/&lt;id&gt;/ (and travels with the
/// build output); <see cref="EnsureAsync"/> uses that copy when it exists and otherwise generates into a cache folder.
/// grounding-samples and tasks-samples are not made here.
/// </summary>
internal static class BuiltInSuites
{
    /// <summary>Name of the marker written last into a generated folder; a folder without it is generated again.</summary>
    public const string CompleteMarker = ".complete";

    private static readonly Dictionary<string, Func<SceneRenderer, string, CancellationToken, Task>> _writers = new(StringComparer.Ordinal)
    {
        ["refexp-samples"] = RefexpSuite.WriteAsync,
        ["ocr-samples"] = OcrSuite.WriteAsync,
        ["vqa-samples"] = VqaSuite.WriteAsync,
        ["caption-samples"] = CaptionSuite.WriteAsync,
        ["multi-image-samples"] = MultiImageSuite.WriteAsync,
    };

    /// <summary>The ids this class generates, in a fixed order.</summary>
    public static IReadOnlyList<string> Ids { get; } = ["refexp-samples", "ocr-samples", "vqa-samples", "caption-samples", "multi-image-samples"];

    /// <summary>Whether <paramref name="id"/> is one of <see cref="Ids"/>.</summary>
    public static bool IsBuiltIn(string id) => _writers.ContainsKey(id);

    /// <summary>The suite file's name inside its folder: <c>&lt;id&gt;.jsonl</c>.</summary>
    public static string FileName(string id) => id + ".jsonl";

    /// <summary>
    /// The path of the suite file for <paramref name="id"/>: the committed copy (samples/bench/&lt;id&gt;/ beside the
    /// executable or up the repository) when there is one, else <c>cacheRoot/&lt;id&gt;/</c>, generated there first
    /// when it is missing or a previous generation did not finish. <paramref name="browser"/> is used when given;
    /// otherwise one is launched for the generation and closed after it.
    /// </summary>
    public static async Task<string> EnsureAsync(string id, string cacheRoot, PlaywrightBrowser? browser, CancellationToken ct)
    {
        Check(id);
        if (FindCommitted(id) is { } committed)
        {
            return committed;
        }

        return await EnsureGeneratedAsync(id, cacheRoot, browser, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// As <see cref="EnsureAsync"/> but ignoring the committed copy: the suite in <c>cacheRoot/&lt;id&gt;/</c>,
    /// generated when its <see cref="CompleteMarker"/> is missing.
    /// </summary>
    public static async Task<string> EnsureGeneratedAsync(string id, string cacheRoot, PlaywrightBrowser? browser, CancellationToken ct)
    {
        Check(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(cacheRoot);
        var folder = Path.Combine(Path.GetFullPath(cacheRoot), id);
        var file = Path.Combine(folder, FileName(id));
        if (File.Exists(Path.Combine(folder, CompleteMarker)) && File.Exists(file))
        {
            return file;
        }

        if (browser is not null)
        {
            return await GenerateAsync(id, folder, browser, ct).ConfigureAwait(false);
        }

        var launched = await PlaywrightBrowser.LaunchAsync(new BrowserOptions(), null, ct).ConfigureAwait(false);
        await using (launched.ConfigureAwait(false))
        {
            return await GenerateAsync(id, folder, launched, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Renders the suite into <paramref name="outputDir"/> (suite file, images/, then the <see cref="CompleteMarker"/>),
    /// replacing what a previous generation left. Deterministic: the same browser build writes the same annotations.
    /// </summary>
    public static async Task<string> GenerateAsync(string id, string outputDir, PlaywrightBrowser browser, CancellationToken ct)
    {
        Check(id);
        ArgumentNullException.ThrowIfNull(browser);
        var marker = Path.Combine(outputDir, CompleteMarker);
        if (File.Exists(marker))
        {
            File.Delete(marker);
        }

        var images = Path.Combine(outputDir, "images");
        if (Directory.Exists(images))
        {
            Directory.Delete(images, recursive: true);
        }

        var file = Path.Combine(outputDir, FileName(id));
        var renderer = await SceneRenderer.OpenAsync(browser, images, ct).ConfigureAwait(false);
        await using (renderer.ConfigureAwait(false))
        {
            await _writers[id](renderer, file, ct).ConfigureAwait(false);
        }

        await File.WriteAllTextAsync(marker, id + "\n", ct).ConfigureAwait(false);
        return file;
    }

    /// <summary>The committed suite file of <paramref name="id"/>, or null when none is found.</summary>
    public static string? FindCommitted(string id)
    {
        Check(id);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "bench", id, FileName(id));
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static void Check(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!_writers.ContainsKey(id))
        {
            throw new UsageException($"'{id}' is not a generated built-in suite. Use one of: {string.Join(", ", Ids)}.");
        }
    }
}
