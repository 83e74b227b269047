namespace VisualAgent.Tests.Support;

/// <summary>Repository files found by walking up from the test's output folder (no machine paths in the code).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string TasksSuite => Path.Combine(Root, "samples", "tasks", "tasks-samples.json");

    /// <summary>
    /// The devpages development set's tasks.json: VISUALAGENT_DEVPAGES (a folder) when set, else ../shared/devpages beside
    /// the repository (read-only, not part of it; CI has a copy). Null when it is absent.
    /// </summary>
    public static string? DevpagesSuite
    {
        get
        {
            if (Environment.GetEnvironmentVariable("VISUALAGENT_DEVPAGES") is { Length: > 0 } given)
            {
                var named = Path.GetFullPath(Path.Combine(given, "tasks.json"));
                return File.Exists(named) ? named : null;
            }

            // Beside the repository: the folder holding VisualAgent.sln (the test output has a copy of samples/, not of the solution).
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "VisualAgent.sln")))
                {
                    var suite = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "devpages", "tasks.json"));
                    return File.Exists(suite) ? suite : null;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// visual-agent.dll in the CLI project's output folder for this build configuration (it carries samples/, prompts/,
    /// skills/ and appsettings.json), else the copy beside the tests.
    /// </summary>
    public static string CliDll
    {
        get
        {
            var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            var framework = Path.GetFileName(here);
            var configuration = Path.GetFileName(Path.GetDirectoryName(here)!);
            var cli = Path.Combine(Root, "src", "VisualAgent.Cli", "bin", configuration, framework, "visual-agent.dll");
            return File.Exists(cli) ? cli : Path.Combine(AppContext.BaseDirectory, "visual-agent.dll");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "samples", "tasks", "tasks-samples.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No samples/tasks/tasks-samples.json above {AppContext.BaseDirectory}.");
    }
}
