using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VisualAgent.Agent.Runs;
using VisualAgent.Codegen.Plans;
using VisualAgent.Codegen.Writers;
using VisualAgent.Runs;
using VisualAgent.Ui.Codegen;
using VisualAgent.Ui.Server;

namespace VisualAgent.Ui.Runs;

/// <summary>
/// The Runs page's API over the run folders on disk (RunStore/RunReader, as `runs list|show` read them): the list, one
/// run with its steps, its files (screenshots, annotated shots, element crops), a live stream of the steps as they are
/// written (Server-Sent Events), a script of the run through Codegen, and new runs, re-runs and replays (<see cref="RunJobs"/>).
/// </summary>
internal static class RunsEndpoints
{
    private static readonly string[] ServedExtensions = [".png", ".jpg", ".jpeg", ".html", ".txt", ".json", ".jsonl", ".csv"];

    public static void Map(IEndpointRouteBuilder app, UiServices services)
    {
        var store = new RunStore(services.Settings.RunsFolder);
        app.MapGet("/api/runs", () =>
        {
            var list = new JsonArray();
            foreach (var run in new RunReader(store).List())
            {
                list.Add(JsonNode.Parse(RunJson.SerializeRun(run)));
            }

            return Results.Text(new JsonObject { ["folder"] = store.Root, ["runs"] = list }.ToJsonString(), "application/json");
        });
        app.MapGet("/api/runs/{id}", (string id) => Results.Text(Details(new RunReader(store).Load(id)).ToJsonString(), "application/json"));
        app.MapGet("/api/runs/{id}/file", (string id, string? path) => File(store, id, path));
        app.MapGet("/api/runs/{id}/events", (string id, int? after, CancellationToken ct) =>
        {
            var folder = store.ResolveFolder(id); // an unknown id is a 404 before the stream starts
            return TypedResults.ServerSentEvents(StreamAsync(folder, Math.Max(0, after ?? 0), ct));
        });
        app.MapPost("/api/runs", async (TaskStartRequest body, CancellationToken ct) => Results.Json(new { id = await services.Jobs.StartAsync(body, ct).ConfigureAwait(false) }));
        app.MapPost("/api/runs/{id}/rerun", async (string id, CancellationToken ct) => Results.Json(new { id = await services.Jobs.RerunAsync(id, ct).ConfigureAwait(false) }));
        app.MapPost("/api/runs/{id}/replay", async (string id, ReplayStartRequest body, CancellationToken ct) => Results.Json(await services.Jobs.ReplayAsync(id, body.Heal, ct).ConfigureAwait(false)));
        app.MapPost("/api/runs/{id}/codegen", async (string id, CodegenRequest body, CancellationToken ct) =>
        {
            var target = ScriptTargets.Parse(body.Target ?? "playwright-cs");
            var details = new RunReader(store).Load(id);
            ScriptPlan plan;
            try
            {
                plan = PlanBuilder.Build(details);
            }
            catch (UnsupportedStepException ex)
            {
                throw ApiError.BadRequest(ex.Message);
            }

            return Results.Json(await CodegenEndpoints.WriteAsync(target, plan, details.Run.Id, ct).ConfigureAwait(false));
        });
    }

    private static JsonObject Details(RunDetails details)
    {
        var steps = new JsonArray();
        foreach (var step in details.Steps)
        {
            steps.Add(JsonNode.Parse(RunJson.SerializeStep(step)));
        }

        return new JsonObject { ["folder"] = details.Folder, ["run"] = JsonNode.Parse(RunJson.SerializeRun(details.Run)), ["steps"] = steps };
    }

    /// <summary>A file inside the run's folder (shots, crops, report); nothing outside it, whatever the path says.</summary>
    private static IResult File(RunStore store, string id, string? path)
    {
        var folder = Path.GetFullPath(store.ResolveFolder(id));
        if (string.IsNullOrWhiteSpace(path))
        {
            throw ApiError.BadRequest("Say which file of the run: ?path=shots/001.png");
        }

        var full = Path.GetFullPath(Path.Combine(folder, path));
        if (!full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !ServedExtensions.Contains(Path.GetExtension(full).ToLowerInvariant()))
        {
            throw ApiError.BadRequest($"'{path}' is not a file of the run this page shows (screenshots, crops, report).");
        }

        if (!System.IO.File.Exists(full))
        {
            throw ApiError.NotFound($"The run {id} has no {path} (deleted, or a run killed before it wrote it).");
        }

        var type = Path.GetExtension(full).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".html" => "text/html; charset=utf-8",
            ".json" => "application/json",
            _ => "text/plain; charset=utf-8",
        };
        return Results.File(full, type);
    }

    /// <summary>
    /// The run as it is written: each new complete line of steps.jsonl as a "step" event, run.json as a "run" event when it
    /// changes, "end" once the run has ended, "gone" when its folder disappears (deleted while open). Polls the files every
    /// 300 ms (a run may be written by another process); stops after 10 minutes without any change.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(string folder, int after, [EnumeratorCancellation] CancellationToken ct)
    {
        var sent = after;
        string? lastRun = null;
        var idleSince = DateTimeOffset.UtcNow;
        while (!ct.IsCancellationRequested)
        {
            if (!Directory.Exists(folder))
            {
                yield return new SseItem<string>(new JsonObject { ["message"] = "This run's folder was deleted while it was open: nothing more to show." }.ToJsonString(), "gone");
                yield break;
            }

            var steps = RunReader.ReadSteps(folder);
            for (var i = sent; i < steps.Count; i++)
            {
                idleSince = DateTimeOffset.UtcNow;
                yield return new SseItem<string>(RunJson.SerializeStep(steps[i]), "step");
            }

            sent = Math.Max(sent, steps.Count);
            var runText = ReadRun(folder);
            if (runText is not null && runText != lastRun)
            {
                idleSince = DateTimeOffset.UtcNow;
                lastRun = runText;
                yield return new SseItem<string>(runText, "run");
            }

            var run = runText is null ? null : RunJson.DeserializeRun(runText);
            if (run is not null && run.Status != RunStatus.Running)
            {
                yield return new SseItem<string>("{}", "end");
                yield break;
            }

            if (DateTimeOffset.UtcNow - idleSince > TimeSpan.FromMinutes(10))
            {
                yield return new SseItem<string>(new JsonObject { ["message"] = "No new step for 10 minutes: the run may have been killed. Reload to look again." }.ToJsonString(), "idle");
                yield break;
            }

            if (!await Delay(ct).ConfigureAwait(false))
            {
                yield break;
            }
        }
    }

    private static string? ReadRun(string folder)
    {
        try
        {
            var text = System.IO.File.ReadAllText(Path.Combine(folder, "run.json"));
            return RunJson.DeserializeRun(text) is null ? null : text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return null; // mid-rewrite or deleted: the next poll reads it again
        }
    }

    private static async Task<bool> Delay(CancellationToken ct)
    {
        try
        {
            await Task.Delay(300, ct).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>A script of a recorded run in one target language.</summary>
public sealed record CodegenRequest(string? Target);
