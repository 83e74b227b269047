using System.Text.Json;
using VisualAgent.Errors;

namespace VisualAgent.Bench.Datasets;

/// <summary>
/// The pages of a folder to photograph: the distinct pages of its tasks.json when it has one (a page listed with and
/// without a query string is taken once, with it: the devpages carousel starts paused that way), else every .html file
/// under it. Paths are relative to the folder, with '/' separators, sorted.
/// </summary>
internal static class PageFolder
{
    public const string TasksFile = "tasks.json";

    public static IReadOnlyList<string> Pages(string folder, IList<string> only)
    {
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"The pages folder '{folder}' does not exist.");
        }

        var tasks = Path.Combine(folder, TasksFile);
        var pages = File.Exists(tasks) ? FromTasks(tasks) : FromFiles(folder);
        var chosen = pages.Where(p => only.Count == 0 || only.Any(o => p.Contains(o, StringComparison.OrdinalIgnoreCase))).ToList();
        return chosen.Count > 0 ? chosen
            : throw new UsageException($"No page of '{folder}' was selected ({pages.Count} found{(only.Count > 0 ? ", filter: " + string.Join(", ", only) : "")}).");
    }

    private static List<string> FromTasks(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        if (!doc.RootElement.TryGetProperty("tasks", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new UsageException($"'{file}' has no \"tasks\" array.");
        }

        var urls = list.EnumerateArray()
            .Select(t => t.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : "")
            .Where(u => u.Length > 0 && !u.Contains("://", StringComparison.Ordinal) && !u.Contains("{{", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return urls
            .GroupBy(u => u.Split('?')[0], StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(u => u.Contains('?', StringComparison.Ordinal)).First())
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static List<string> FromFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
