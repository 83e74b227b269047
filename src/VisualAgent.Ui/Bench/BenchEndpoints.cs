using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VisualAgent.Bench.Suites;
using VisualAgent.Ui.Server;

namespace VisualAgent.Ui.Bench;

/// <summary>The Benchmarks page's API: start a suite, follow it live (Server-Sent Events), list, open and compare outputs.</summary>
internal static class BenchEndpoints
{
    private static readonly string[] ServedFiles = ["report.html", "summary.md", "summary.json", "models.csv", "groups.csv", "samples.csv"];

    public static void Map(IEndpointRouteBuilder app, UiServices services)
    {
        var root = services.Settings.BenchFolder;
        app.MapGet("/api/bench/suites", () => Results.Json(SuiteLocator.BuiltInIds));
        app.MapGet("/api/bench/reports", () => Results.Json(new { folder = root, reports = BenchReports.List(root) }));
        app.MapGet("/api/bench/compare", (string? a, string? b) => Results.Json(BenchReports.Compare(root, a ?? "", b ?? "")));
        app.MapGet("/api/bench/file", (string? id, string? file) =>
        {
            var folder = BenchReports.Folder(root, id);
            var name = ServedFiles.FirstOrDefault(f => f == file) ?? throw ApiError.BadRequest($"Serves {string.Join(", ", ServedFiles)} of a bench output.");
            var path = Path.Combine(folder, name);
            return File.Exists(path)
                ? Results.File(path, name.EndsWith(".html", StringComparison.Ordinal) ? "text/html; charset=utf-8" : name.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/plain; charset=utf-8")
                : throw ApiError.NotFound($"The bench output {id} has no {name}.");
        });
        app.MapPost("/api/bench/start", (BenchStartRequest body) => Results.Json(services.Bench.Start(body).Describe()));
        app.MapGet("/api/bench/jobs/{id}", (string id) => Results.Json(services.Bench.Get(id).Describe()));
        app.MapGet("/api/bench/jobs/{id}/events", (string id, CancellationToken ct) => TypedResults.ServerSentEvents(StreamAsync(services.Bench.Get(id), ct)));
    }

    /// <summary>Every progress line so far, then new ones as they come ("progress"), then "done" with the scores or "failed" with why.</summary>
    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(BenchJob job, [EnumeratorCancellation] CancellationToken ct)
    {
        var sent = 0;
        while (!ct.IsCancellationRequested)
        {
            var finished = job.Finished;
            var events = job.EventsFrom(sent);
            foreach (var e in events)
            {
                sent++;
                var last = finished && job.State == "done" && sent == job.EventCount;
                yield return new SseItem<string>(e, last ? "done" : "progress");
            }

            if (finished)
            {
                if (job.State == "failed")
                {
                    yield return new SseItem<string>(JsonSerializer.Serialize(new { error = job.Error }), "failed");
                }

                yield break;
            }

            try
            {
                await Task.Delay(250, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }
}
