using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using VisualAgent.Agent.Runs;

namespace VisualAgent.Mcp;

/// <summary>Runs as resources: the list, each run's run.json, its steps and its report.html.</summary>
internal sealed class RunResources(McpServices services)
{
    public const string Scheme = "visualagent";

    public static string RunUri(string id) => $"{Scheme}://runs/{Uri.EscapeDataString(id)}";

    private RunStore Store => new(services.Settings.RunsFolder);

    [McpServerResource(UriTemplate = Scheme + "://runs", Name = "runs", MimeType = "application/json")]
    [Description("The recorded runs, newest first: id, status, reason, goal, model, steps and the URIs of each run's resources.")]
    public string List()
    {
        var runs = new RunReader(Store).List().Select(r => new
        {
            id = r.Id,
            status = r.Status,
            reason = r.Reason,
            goal = r.Goal,
            model = r.Model,
            steps = r.Steps,
            run = RunUri(r.Id),
            report = RunUri(r.Id) + "/report",
        });
        return JsonSerializer.Serialize(runs, ToolResults.Json);
    }

    [McpServerResource(UriTemplate = Scheme + "://runs/{id}", Name = "run", MimeType = "application/json")]
    [Description("One run's run.json (goal, model, settings, outcome and its reason, timings); id may be \"latest\".")]
    public string Run(string id) => Read(id, "run.json");

    [McpServerResource(UriTemplate = Scheme + "://runs/{id}/steps", Name = "run-steps", MimeType = "application/x-ndjson")]
    [Description("One run's steps.jsonl: one line per step (action in screenshot pixels, element facts, check, outcome, timings).")]
    public string Steps(string id) => Read(id, "steps.jsonl");

    [McpServerResource(UriTemplate = Scheme + "://runs/{id}/report", Name = "run-report", MimeType = "text/html")]
    [Description("One run's self-contained report.html.")]
    public string Report(string id) => Read(id, "report.html");

    /// <summary>A file of a run the store knows (ids are matched against its folders: no path is built from the id alone).</summary>
    private string Read(string id, string file)
    {
        try
        {
            var path = Path.Combine(Store.ResolveFolder(id), file);
            return File.Exists(path) ? File.ReadAllText(path) : throw new McpException($"The run {id} has no {file} (a run killed before it wrote one).");
        }
        catch (Errors.VisualAgentException ex)
        {
            throw new McpException(ex.Message, ex);
        }
    }
}
