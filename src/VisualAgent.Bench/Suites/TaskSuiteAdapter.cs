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
            // An instruction_js task's instruction is known once its page ran the script: results show that text, never the script.
            Prompt = t.Instruction ?? "",
            Groups = new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = AppOf(t) },
            Task = t,
        }).ToList();
        var issues = suite.Problems.Select(p => new SuiteIssue(p.Index + 1, p.Id, $"task #{p.Index}: {p.Message}")).ToList();
        return new LoadedSuite(suite.Name, SuiteKind.Tasks, path, samples, issues);
    }

    /// <summary>
    /// The group of the breakdown, named after the task's page: the sample app (the first path segment after
    /// {{samples}}), else the page's file name without its extension ("checkbox" for .../checkbox.html), its folder's
    /// name for an index page or a folder URL, the host for a bare site.
    /// </summary>
    internal static string AppOf(BenchTask task)
    {
        if (task.UsesSamples)
        {
            var rest = task.Url.Replace(BenchTask.SamplesPlaceholder, "", StringComparison.Ordinal).TrimStart('/');
            var first = rest.Split('/', '?', '#')[0];
            return first.Length == 0 ? "home" : first;
        }

        if (!Uri.TryCreate(task.Url, UriKind.Absolute, out var uri))
        {
            return "page";
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        if (segments.Count > 0 && !uri.AbsolutePath.EndsWith('/') && Path.GetFileNameWithoutExtension(segments[^1]) is { Length: > 0 } name && !name.Equals("index", StringComparison.OrdinalIgnoreCase))
        {
            return name;
        }

        if (segments.Count > 0 && !uri.AbsolutePath.EndsWith('/'))
        {
            segments.RemoveAt(segments.Count - 1);
        }

        return segments.Count > 0 ? segments[^1] : uri.IsFile || uri.Host.Length == 0 ? "page" : uri.Host;
    }
}
