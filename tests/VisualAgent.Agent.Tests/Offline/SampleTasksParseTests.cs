using System.Text.Json;
using VisualAgent.Agent.Offline;
using VisualAgent.Planning;

namespace VisualAgent.Tests.Offline;

/// <summary>
/// The instructions of samples/tasks/tasks-samples.json: each one either does not parse (a model profile is needed) or
/// parses into the steps of the task's solution. Verify steps are left out of the comparison (an instruction rarely says
/// what to check), and targets are compared without "the", quotes and a trailing kind word ("field", "button", ...).
/// </summary>
public sealed class SampleTasksParseTests
{
    /// <summary>The tasks whose instruction the offline grammar reads today; a change here is a change of behaviour.</summary>
    private static readonly string[] ParsingIds =
    [
        "login-success", "forms-name-comments", "forms-color-blue", "forms-size-large", "forms-canvas-button", "forms-upload",
        "dialogs-confirm", "dialogs-prompt", "forms-shadow-toggle", "dialogs-warn-before-leaving", "forms-iframe",
    ];

    [Fact]
    public void TryParse_EverySampleInstruction_FailsOrMatchesTheSolution()
    {
        var wrong = new List<string>();
        var parsed = new List<string>();
        foreach (var task in LoadTasks())
        {
            Assert.True(StepParser.TryParse(task.Solution, out var solution, out var solutionError), $"{task.Id}: the solution does not parse: {solutionError}");
            if (!StepParser.TryParse(task.Instruction, out var steps, out _))
            {
                continue;
            }

            var got = Comparable(steps);
            var want = Comparable(solution);
            if (got.SequenceEqual(want))
            {
                parsed.Add(task.Id);
            }
            else
            {
                wrong.Add($"{task.Id}: [{string.Join("; ", got)}] but the solution is [{string.Join("; ", want)}]");
            }
        }

        Assert.True(wrong.Count == 0, "Instructions parsed into the wrong steps:\n" + string.Join("\n", wrong));
        Assert.Equal(ParsingIds.Order(StringComparer.Ordinal), parsed.Order(StringComparer.Ordinal));
    }

    private static List<string> Comparable(IEnumerable<StepIntent> steps) =>
        [.. steps.Where(s => s.Verb is not (StepVerb.Verify or StepVerb.WaitForText))
            .Select(s => $"{s.Verb} {Normal(s.Target)} {(s.Verb is StepVerb.Type or StepVerb.Select or StepVerb.Upload ? s.Value?.ToLowerInvariant() : "")}".Trim())];

    private static string Normal(string? target)
    {
        if (target is null)
        {
            return "";
        }

        var t = TargetAlternatives.Split(target)[0].Trim().Trim('"').ToLowerInvariant();
        t = t.StartsWith("the ", StringComparison.Ordinal) ? t[4..] : t;
        foreach (var kind in new[] { " field", " dropdown", " button", " input", " slider", " box" })
        {
            if (t.EndsWith(kind, StringComparison.Ordinal))
            {
                t = t[..^kind.Length];
            }
        }

        t = t.Trim().Trim('"');
        return t.EndsWith('s') ? t[..^1] : t;
    }

    private static IEnumerable<(string Id, string Instruction, string Solution)> LoadTasks()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SuitePath()));
        return [.. doc.RootElement.GetProperty("tasks").EnumerateArray()
            .Where(t => t.TryGetProperty("instruction", out _) && t.TryGetProperty("solution", out _))
            .Select(t => (t.GetProperty("id").GetString()!, t.GetProperty("instruction").GetString()!, t.GetProperty("solution").GetString()!))];
    }

    private static string SuitePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples", "tasks", "tasks-samples.json");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("samples/tasks/tasks-samples.json was not found above " + AppContext.BaseDirectory);
    }
}
