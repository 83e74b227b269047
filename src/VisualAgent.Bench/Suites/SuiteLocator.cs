using VisualAgent.Bench.Datasets;
using VisualAgent.Drivers.Web;

namespace VisualAgent.Bench.Suites;

/// <summary>
/// Turns --suite into a suite file: a built-in id is generated into the cache on first use (grounding-samples by the
/// grounding-set generator; refexp, OCR, VQA, caption and multi-image sets by the built-in generators) or found
/// beside the executable (tasks-samples); anything else is a file path.
/// </summary>
public static class SuiteLocator
{
    public const string GroundingSamples = "grounding-samples";
    public const string TasksSamples = "tasks-samples";
    public const string GroundingDevPages = "grounding-devpages";
    public const string GroundingDevPagesIcons = "grounding-devpages-icons";

    public static IReadOnlyList<string> BuiltInIds { get; } =
        [GroundingSamples, "refexp-samples", "ocr-samples", "vqa-samples", "caption-samples", "multi-image-samples", TasksSamples, GroundingDevPages, GroundingDevPagesIcons];

    public static string DefaultCacheRoot =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "visual-agent", "bench-cache");

    public static bool IsBuiltIn(string suite) => BuiltInIds.Contains(suite, StringComparer.OrdinalIgnoreCase);

    public static async Task<string> ResolveAsync(string suite, string? cacheRoot, PlaywrightBrowser? browser, IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(suite);
        if (!IsBuiltIn(suite))
        {
            return Path.GetFullPath(suite);
        }

        var id = suite.ToLowerInvariant();
        var root = cacheRoot ?? DefaultCacheRoot;
        switch (id)
        {
            case TasksSamples:
                return FindBesideExecutable(Path.Combine("samples", "tasks", "tasks-samples.json"));
            case GroundingSamples:
                var dir = Path.Combine(root, GroundingSamples);
                var file = Path.Combine(dir, GroundingSetFile.DefaultFileName);
                if (!File.Exists(file))
                {
                    progress?.Report("generating grounding-samples (sample apps photographed in headless Chromium) ...");
                    var tmp = dir + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
                    await GroundingSetGenerator.GenerateAsync(tmp, new GroundingSetOptions(), progress, ct).ConfigureAwait(false);
                    if (Directory.Exists(dir))
                    {
                        Directory.Delete(dir, true);
                    }

                    Directory.Move(tmp, dir);
                }

                return file;
            case GroundingDevPages or GroundingDevPagesIcons:
                return await DevPagesSuite.EnsureAsync(root, id == GroundingDevPagesIcons, progress, ct).ConfigureAwait(false);
            default:
                return await BuiltInSuiteSource.EnsureAsync(id, root, browser, ct).ConfigureAwait(false);
        }
    }

    private static string FindBesideExecutable(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new Errors.EnvironmentMissingException($"The built-in suite file {relative} is neither beside {AppContext.BaseDirectory} nor above it. Rebuild the project (it copies samples/ to the output).");
    }
}
