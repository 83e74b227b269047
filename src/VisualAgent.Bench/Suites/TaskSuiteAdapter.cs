using VisualAgent.Bench.Tasks;

namespace VisualAgent.Bench.Suites;

/// <summary>A task suite (read by <see cref="TaskSuiteLoader"/>) as bench samples: one per task, the task in <see cref="BenchSample.Task"/>.</summary>
internal static class TaskSuiteAdapter
{
    public static LoadedSuite Load(string path)
    {
        var suite = TaskSuiteLoader.Load(path);
        var samples = suite.Tasks.Select(t => new BenchSample
        {
            Id = t.Id,
            Kind = SuiteKind.Tasks,
            Line = t.Index + 1,
            Prompt = t.Instruction ?? t.InstructionJs ?? "",
            Groups = new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = AppOf(t) },
            Task = t,
        }).ToList();
        var issues = suite.Problems.Select(p => new SuiteIssue(p.Index + 1, p.Id, $"task #{p.Index}: {p.Message}")).ToList();
        return new LoadedSuite(suite.Name, SuiteKind.Tasks, path, samples, issues);
    }

    /// <summary>The sample app a task opens (the first path segment after {{samples}}), the group of the breakdown.</summary>
    private static string AppOf(BenchTask task)
    {
        var url = task.Url.Replace(BenchTask.SamplesPlaceholder, "", StringComparison.Ordinal).TrimStart('/');
        var first = url.Split('/', '?', '#')[0];
        return first.Length == 0 ? "home" : first;
    }
}
