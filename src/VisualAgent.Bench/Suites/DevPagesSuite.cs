using VisualAgent.Bench.Datasets;
using VisualAgent.Errors;

namespace VisualAgent.Bench.Suites;

/// <summary>
/// The built-in suites grounding-devpages (text-named elements) and grounding-devpages-icons (icon-only ones): the
/// grounding set of the devpages folder (<see cref="DevPagesFolder"/>), generated into the cache on first use.
/// </summary>
internal static class DevPagesSuite
{
    // Bumped whenever the generator would write a different set, so a stale cache is not scored.
    private const string CacheFolder = "grounding-devpages-v1";

    public static async Task<string> EnsureAsync(string cacheRoot, bool iconOnly, IProgress<string>? progress, CancellationToken ct)
    {
        var pages = DevPagesFolder.Find()
            ?? throw new EnvironmentMissingException(
                $"The devpages folder ({DevPagesFolder.Relative} above the repository, i.e. ../shared/devpages from its root) was not found. "
                + "Generate a set from another folder with: visual-agent bench grounding-set --pages DIR --out DIR.");
        var dir = Path.Combine(cacheRoot, CacheFolder);
        var file = Path.Combine(dir, iconOnly ? PageFolderSetGenerator.IconOnlyFileName : GroundingSetFile.DefaultFileName);
        if (!File.Exists(file))
        {
            progress?.Report($"generating the devpages grounding set from {pages} (pages photographed in headless Chromium) ...");
            var tmp = dir + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
            await PageFolderSetGenerator.GenerateAsync(pages, tmp, new PageFolderSetOptions(), progress, ct).ConfigureAwait(false);
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, true);
            }

            Directory.Move(tmp, dir);
        }

        return file;
    }
}
