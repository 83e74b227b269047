namespace VisualAgent.Bench.Datasets;

/// <summary>
/// Finds the devpages development set (25 W3C ARIA example pages): it is not part of the repository; next to it, at
/// ../shared/devpages from the repository root. Looked for as shared/devpages in every folder above the working
/// directory and above the executable.
/// </summary>
public static class DevPagesFolder
{
    /// <summary>The folder, relative to a folder above the repository.</summary>
    public static readonly string Relative = Path.Combine("shared", "devpages");

    /// <summary>The devpages folder, or null when it is not there (CI without the copy, a user's machine).</summary>
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, Relative);
                if (File.Exists(Path.Combine(candidate, PageFolder.TasksFile)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
