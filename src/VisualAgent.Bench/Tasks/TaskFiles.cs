using VisualAgent.Planning;

namespace VisualAgent.Bench.Tasks;

/// <summary>
/// Files a task uploads: a relative name ("report.txt") is looked for in the suite's folder, its ../files (samples/files
/// beside samples/tasks), then <see cref="TaskRunOptions.FileFolders"/>; the first that exists wins.
/// </summary>
internal static class TaskFiles
{
    public static IReadOnlyList<StepIntent> Resolve(IReadOnlyList<StepIntent> steps, BenchTask task, TaskRunOptions options) =>
        [.. steps.Select(s => s.Verb == StepVerb.Upload && s.Value is { } file ? s with { Value = Find(file, task, options) ?? file } : s)];

    private static string? Find(string file, BenchTask task, TaskRunOptions options)
    {
        if (Path.IsPathRooted(file))
        {
            return file;
        }

        var folders = new List<string>();
        if (task.SuiteFolder is { } suite)
        {
            folders.Add(suite);
            folders.Add(Path.Combine(suite, "..", "files"));
        }

        folders.AddRange(options.FileFolders);
        return folders.Select(f => Path.GetFullPath(Path.Combine(f, file))).FirstOrDefault(File.Exists);
    }
}
