using VisualAgent.Errors;

namespace VisualAgent.Simulator.Samples;

/// <summary>Finds the samples/web folder: an explicit path, beside the executable, or up the repository.</summary>
internal static class SamplesRoot
{
    private static readonly string[] _relative = ["samples", "web"];

    public static string Resolve(string? root)
    {
        if (!string.IsNullOrWhiteSpace(root))
        {
            var full = Path.GetFullPath(root);
            return Directory.Exists(full)
                ? full
                : throw new UsageException($"The samples folder '{full}' does not exist. Pass an existing folder or omit it to use samples/web.");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, .. _relative]);
            if (File.Exists(Path.Combine(candidate, "index.html")))
            {
                return candidate;
            }
        }

        throw new EnvironmentMissingException(
            $"No samples/web folder beside {AppContext.BaseDirectory} or above it. Rebuild the project (it copies samples/ to the output) or pass the folder explicitly.");
    }
}
