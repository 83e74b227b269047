using System.Text.Json;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Bench.Tasks;

/// <summary>
/// Reads a task suite file: {"name", "tasks": [{"id", "url", "viewport"?, "setup_js"?, "instruction" | "instruction_js",
/// "success_js", "solution"?, "max_steps"?, "timeout_s"?, "allow_risky"?}]}. A malformed task is skipped and reported with its index
/// (<see cref="TaskSuite.Problems"/>); duplicate ids, a file that is not JSON or has no "tasks" array are refused
/// with a <see cref="UsageException"/>. Fields the format does not define are ignored.
/// </summary>
internal static class TaskSuiteLoader
{
    public static TaskSuite Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new UsageException($"The task suite '{full}' does not exist.");
        }

        return Parse(File.ReadAllText(full), full);
    }

    /// <summary>Parses suite JSON; <paramref name="path"/> (the file it came from) resolves relative urls.</summary>
    public static TaskSuite Parse(string json, string? path = null)
    {
        var shown = path ?? "the task suite";
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new UsageException($"{shown} is not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("tasks", out var tasks) || tasks.ValueKind != JsonValueKind.Array)
            {
                throw new UsageException($"{shown} is not a task suite: expected {{\"name\": ..., \"tasks\": [ ... ]}}.");
            }

            var folder = path is null ? null : System.IO.Path.GetDirectoryName(path);
            var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : System.IO.Path.GetFileNameWithoutExtension(path ?? "tasks");
            var list = new List<BenchTask>();
            var problems = new List<TaskSuiteProblem>();
            var index = 0;
            foreach (var element in tasks.EnumerateArray())
            {
                try
                {
                    list.Add(ReadTask(element, index, folder));
                }
                catch (FormatException e)
                {
                    var id = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
                    problems.Add(new TaskSuiteProblem(index, id, e.Message));
                }

                index++;
            }

            var duplicates = list.GroupBy(t => t.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
            if (duplicates.Count > 0)
            {
                var detail = string.Join("; ", duplicates.Select(g => $"'{g.Key}' at tasks #{string.Join(", #", g.Select(t => t.Index))}"));
                throw new UsageException($"{shown} has duplicate task ids: {detail}. Every task needs its own id.");
            }

            return new TaskSuite(name, path, list) { Problems = problems };
        }
    }

    private static BenchTask ReadTask(JsonElement e, int index, string? folder)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"expected an object, found {e.ValueKind.ToString().ToLowerInvariant()}");
        }

        var id = RequiredString(e, "id");
        var instruction = OptionalString(e, "instruction");
        var instructionJs = OptionalString(e, "instruction_js");
        if ((instruction is null) == (instructionJs is null))
        {
            throw new FormatException("give exactly one of \"instruction\" and \"instruction_js\"");
        }

        return new BenchTask
        {
            Id = id,
            Index = index,
            Url = ResolveUrl(RequiredString(e, "url"), folder),
            Viewport = ReadViewport(e),
            SetupJs = OptionalString(e, "setup_js"),
            Instruction = instruction,
            InstructionJs = instructionJs,
            SuccessJs = RequiredString(e, "success_js"),
            Solution = OptionalString(e, "solution"),
            MaxSteps = ReadNumber(e, "max_steps", integer: true) is { } m ? (int)m : null,
            TimeoutSeconds = ReadNumber(e, "timeout_s", integer: false),
            AllowRisky = ReadBool(e, "allow_risky") ?? false,
            SuiteFolder = folder,
        };
    }

    /// <summary>
    /// Absolute URLs and {{samples}} URLs as written; anything else is a file next to the suite, its query string and
    /// fragment kept as they are ("page.html?paused=true" is page.html with ?paused=true, not a file named so).
    /// </summary>
    private static string ResolveUrl(string url, string? folder)
    {
        if (url.Contains(BenchTask.SamplesPlaceholder, StringComparison.Ordinal) || Uri.TryCreate(url, UriKind.Absolute, out var abs) && abs.Scheme.Length > 1)
        {
            return url;
        }

        if (folder is null)
        {
            throw new FormatException($"the relative url \"{url}\" needs the suite's folder: load the suite from a file");
        }

        var cut = url.IndexOfAny(['?', '#']);
        var (path, suffix) = cut < 0 ? (url, "") : (url[..cut], url[cut..]);
        return new Uri(System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, Uri.UnescapeDataString(path)))).AbsoluteUri + suffix;
    }

    private static PixelSize? ReadViewport(JsonElement e)
    {
        if (!e.TryGetProperty("viewport", out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Array && v.GetArrayLength() == 2
            && v[0].TryGetInt32(out var w) && v[1].TryGetInt32(out var h) && w is > 0 and <= 10_000 && h is > 0 and <= 10_000)
        {
            return new PixelSize(w, h);
        }

        if (v.ValueKind == JsonValueKind.String && PixelSize.TryParse(v.GetString()!, out var size) && size.Width > 0 && size.Height > 0)
        {
            return size;
        }

        throw new FormatException($"\"viewport\" must be [width, height] in CSS pixels (1..10000), found {v.GetRawText()}");
    }

    private static string RequiredString(JsonElement e, string name) =>
        OptionalString(e, name) ?? throw new FormatException($"\"{name}\" is missing or empty");

    private static string? OptionalString(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (p.ValueKind != JsonValueKind.String)
        {
            throw new FormatException($"\"{name}\" must be a string, found {p.ValueKind.ToString().ToLowerInvariant()}");
        }

        var text = p.GetString()!;
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private static bool? ReadBool(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return p.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FormatException($"\"{name}\" must be true or false, found {p.GetRawText()}"),
        };
    }

    private static double? ReadNumber(JsonElement e, string name, bool integer)
    {
        if (!e.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (p.ValueKind != JsonValueKind.Number || !p.TryGetDouble(out var value) || value <= 0 || integer && value != Math.Floor(value))
        {
            throw new FormatException($"\"{name}\" must be a positive {(integer ? "integer" : "number")}, found {p.GetRawText()}");
        }

        return value;
    }
}
