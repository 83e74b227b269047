using System.Globalization;
using Microsoft.Extensions.Configuration;
using VisualAgent.Bench.Contestants;
using VisualAgent.Bench.Runner;
using VisualAgent.Bench.Suites;
using VisualAgent.Models.Profiles;
using VisualAgent.Ui.Server;
using VisualAgent.Vision.Grounding;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Ui.Bench;

/// <summary>
/// Bench runs started from the page, one at a time (a second start while one runs is refused with what is running):
/// the same <see cref="BenchRunner"/> as `bench run`, writing the same output folder (summary.json, CSV, report.html).
/// </summary>
internal sealed class BenchJobs(UiSettings settings) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, BenchJob> _jobs = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private BenchJob? _running;

    public BenchJob Get(string id)
    {
        lock (_gate)
        {
            return _jobs.TryGetValue(id, out var job) ? job : throw ApiError.NotFound($"There is no bench job {id} (jobs are forgotten when the server restarts; finished reports stay listed).");
        }
    }

    public BenchJob Start(BenchStartRequest request)
    {
        var suite = string.IsNullOrWhiteSpace(request.Suite) ? throw ApiError.BadRequest("Choose a suite.") : request.Suite.Trim();
        if (!SuiteLocator.IsBuiltIn(suite))
        {
            throw ApiError.BadRequest($"'{suite}' is not a built-in suite ({string.Join(", ", SuiteLocator.BuiltInIds)}); run a suite file with `visual-agent bench run --suite FILE`.");
        }

        var models = (request.Models ?? []).Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (models.Count == 0)
        {
            throw ApiError.BadRequest("Choose at least one model profile to score.");
        }

        if (request.Limit is < 1 or > 10_000)
        {
            throw ApiError.BadRequest("The sample limit must be between 1 and 10000 (empty = the whole suite).");
        }

        var profiles = ModelProfiles.FromConfiguration(settings.Configuration);
        foreach (var model in models)
        {
            profiles.Get(model); // an unknown profile is refused before anything starts
        }

        lock (_gate)
        {
            if (_running is { Finished: false } busy)
            {
                throw ApiError.Conflict($"A benchmark is already running ({busy.Suite} with {string.Join(", ", busy.Models)}): wait for it to finish, then start the next one.");
            }

            var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var id = $"{suite.ToLowerInvariant()}-{stamp}-{Guid.NewGuid().ToString("N")[..4]}";
            var job = new BenchJob(id, suite, models, Path.Combine(settings.BenchFolder, "ui", id));
            _jobs[id] = job;
            _running = job;
            _ = Task.Run(() => RunAsync(job, profiles, request.Limit));
            return job;
        }
    }

    private async Task RunAsync(BenchJob job, ModelProfiles profiles, int? limit)
    {
        var config = settings.Configuration;
        try
        {
            var options = new BenchRunOptions
            {
                Suite = job.Suite,
                Models = job.Models,
                OutDir = job.OutDir,
                Limit = limit,
                Concurrency = int.TryParse(config["Bench:Concurrency"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) ? k : 4,
                Profiles = profiles,
                ModelOptions = new BenchModelOptions
                {
                    OcrOptions = config.GetSection("Ocr").Get<OcrOptions>() ?? new OcrOptions(),
                    GrounderOptions = config.GetSection("Ocr:Grounder").Get<OcrGrounderOptions>() ?? new OcrGrounderOptions(),
                },
                ProgressInterval = TimeSpan.FromMilliseconds(500),
            };
            var result = await BenchRunner.RunAsync(options, new Progress(job), _stopping.Token).ConfigureAwait(false);
            job.Succeed(System.Text.Json.JsonSerializer.Serialize(new
            {
                done = true,
                out_dir = result.OutDir,
                report = BenchReports.Relative(settings.BenchFolder, result.OutDir),
                models = result.Summary.Models.Select(m => new { model = m.Model, score = m.Score, ci95 = m.Ci95, n = m.N, status = m.Status, simulated = m.Simulated, message = m.Message }),
            }));
        }
        catch (OperationCanceledException)
        {
            job.Fail("The server stopped before the benchmark finished; run it again (the output folder resumes what was done).");
        }
        catch (Exception ex)
        {
            job.Fail(ex is Errors.VisualAgentException ? ex.Message : $"The benchmark stopped: {ex.GetType().Name}: {ex.Message}");
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    /// <summary>Reports straight to the job (no synchronisation context to post to).</summary>
    private sealed class Progress(BenchJob job) : IProgress<BenchProgress>
    {
        public void Report(BenchProgress value) => job.Report(value);
    }
}

/// <summary>Start a built-in suite for the chosen profiles, optionally on its first N samples.</summary>
public sealed record BenchStartRequest(string? Suite, IReadOnlyList<string>? Models, int? Limit);
