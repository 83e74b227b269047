using System.Text.Json;
using VisualAgent.Errors;
using VisualAgent.Runs;

namespace VisualAgent.Agent.Runs;

/// <summary>Reads run folders for `runs list` and `runs show`, including runs that were killed half-way.</summary>
public sealed class RunReader(RunStore store)
{
    /// <summary>The runs whose run.json reads, newest first.</summary>
    public IReadOnlyList<RunRecord> List()
    {
        var runs = new List<RunRecord>();
        foreach (var id in store.ListIds())
        {
            if (TryReadRun(Path.Combine(store.Root, id)) is { } run)
            {
                runs.Add(run);
            }
        }

        return runs;
    }

    /// <summary>"latest", an id or a unique id prefix; throws <see cref="UsageException"/> when it is not there or unreadable.</summary>
    public RunDetails Load(string idOrLatest)
    {
        var folder = store.ResolveFolder(idOrLatest);
        var run = TryReadRun(folder) ?? throw new UsageException($"The run folder {folder} has no readable run.json.");
        return new RunDetails(folder, run, ReadSteps(folder));
    }

    /// <summary>Every complete line of steps.jsonl; a half-written last line (a killed run) is left out.</summary>
    public static IReadOnlyList<StepRecord> ReadSteps(string folder)
    {
        var path = Path.Combine(folder, "steps.jsonl");
        if (!File.Exists(path))
        {
            return [];
        }

        var steps = new List<StepRecord>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                if (RunJson.DeserializeStep(line) is { } step)
                {
                    steps.Add(step);
                }
            }
            catch (JsonException)
            {
                // A line cut short by a killed process: the steps before it are intact.
            }
        }

        return steps;
    }

    /// <summary>Regenerates report.html of a run folder (for a run killed before it wrote its own).</summary>
    public async Task<string> WriteReportAsync(string idOrLatest, CancellationToken cancellationToken = default)
    {
        var details = Load(idOrLatest);
        var path = Path.Combine(details.Folder, "report.html");
        await AtomicFile.WriteAllTextAsync(path, ReportWriter.Render(details.Run, details.Steps), cancellationToken).ConfigureAwait(false);
        return path;
    }

    private static RunRecord? TryReadRun(string folder)
    {
        var path = Path.Combine(folder, "run.json");
        try
        {
            return File.Exists(path) ? RunJson.DeserializeRun(File.ReadAllText(path)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
