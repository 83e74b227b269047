namespace VisualAgent.Tests.Support;

/// <summary>Repository files found by walking up from the test's output folder (no machine paths in the code).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The repository itself (the folder with VisualAgent.sln and README.md), not a build output that carries samples/.</summary>
    public static string Repository { get; } = FindUp("VisualAgent.sln");

    public static string TasksSuite => Path.Combine(Root, "samples", "tasks", "tasks-samples.json");

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

    private static string FindUp(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, file)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No {file} above {AppContext.BaseDirectory}.");
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
