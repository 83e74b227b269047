using System.Text.Json;

namespace VisualAgent.Tests.Support;

/// <summary>Reads a run folder the way a person or another tool would: plain JSON, no project types.</summary>
internal static class RunFolder
{
    /// <summary>The only run folder (one holding run.json) under <paramref name="runsRoot"/>.</summary>
    public static string Single(string runsRoot)
    {
        var folders = Directory.GetDirectories(runsRoot).Where(d => File.Exists(Path.Combine(d, "run.json"))).ToList();
        Assert.True(folders.Count == 1, $"expected one run folder under {runsRoot}, found {folders.Count}");
        return folders[0];
    }

    public static JsonElement RunJson(string folder)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "run.json")));
        return doc.RootElement.Clone();
    }

    /// <summary>Every line of steps.jsonl, parsed (a line that does not parse fails the test).</summary>
    public static IReadOnlyList<JsonElement> Steps(string folder)
    {
        var path = Path.Combine(folder, "steps.jsonl");
        if (!File.Exists(path))
        {
            return [];
        }

        return [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(l =>
        {
            using var doc = JsonDocument.Parse(l);
            return doc.RootElement.Clone();
        })];
    }

    public static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    /// <summary>Files under the folder whose bytes contain <paramref name="text"/> (UTF-8).</summary>
    public static IReadOnlyList<string> FilesContaining(string folder, string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        return [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllBytes(f).AsSpan().IndexOf(needle) >= 0)];
    }
}
