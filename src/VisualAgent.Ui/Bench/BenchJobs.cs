using System.Globalization;
using Microsoft.Extensions.Configuration;
using VisualAgent.Bench.Contestants;
using VisualAgent.Bench.Runner;
using VisualAgent.Bench.Suites;
using VisualAgent.Hosting.ServingCheck;
using VisualAgent.Models.Profiles;
using VisualAgent.Models.Serving;
using VisualAgent.Ui.Playground;
using VisualAgent.Ui.Server;
using VisualAgent.Vision.Grounding;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Ui.Bench;

/// <summary>
/// Bench runs started from the page, one at a time (a second start while one runs is refused with what is running):
/// the same <see cref="BenchRunner"/> as `bench run`, writing the same output folder (summary.json, CSV, report.html), after
/// the same serving self-check of each served vision-language profile (<see cref="ServingPreflight"/>; skippable as with
/// --no-check): a misconfigured server stops the job before its first sample, with what to set.
/// </summary>
internal sealed class BenchJobs(UiSettings settings, ModelStackCache models) : IDisposable
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
            _ = Task.Run(() => RunAsync(job, profiles, request.Limit, request.NoCheck == true));
            return job;
        }
    }

    private async Task RunAsync(BenchJob job, ModelProfiles profiles, int? limit, bool noCheck)
    {
        var config = settings.Configuration;
        try
        {
            if (!noCheck && await CheckServingAsync(job, profiles).ConfigureAwait(false) is { } stop)
            {
                job.Fail(stop);
                return;
            }

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

    /// <summary>The serving self-check of each served profile, each verdict on the job's log; the reason to stop, or null.</summary>
    private async Task<string?> CheckServingAsync(BenchJob job, ModelProfiles profiles)
    {
        var results = await ServingPreflight.RunAsync(
            job.Models, profiles, (name, ct) => models.OpenAsync(name, new ModelSettings(), ct), ownsStacks: false,
            starting: name => job.Note(name, $"serving self-check of {name} (\"Skip the serving self-check\" skips it) ..."), _stopping.Token).ConfigureAwait(false);
        foreach (var r in results)
        {
            job.Note(r.Profile, r switch
            {
                { Report: { } report } => $"{Verdict(report.Diagnosis.Verdict)} for {r.Profile}{(report.Simulated ? " (simulated server)" : "")}: {report.Diagnosis.Message}"
                    + (report.Diagnosis.Fix is { Length: > 0 } fix ? $" What to set: {fix}" : "")
                    + $" ({report.Diagnosis.Answered} of {report.Diagnosis.Answered + report.Diagnosis.Missed} golden targets answered in {report.Duration.TotalSeconds:0.0} s)",
                { Error: { } error } => $"the serving self-check of {r.Profile} could not run ({error}); the bench goes on and reports the model's errors",
                _ => $"{r.Profile}: no serving self-check ({r.Skipped})",
            });
        }

        var stops = results.Where(r => r.Stops).Select(r => r.Profile).ToList();
        return stops.Count == 0 ? null
            : $"The bench stopped before its first sample: {string.Join(", ", stops)} {(stops.Count == 1 ? "is" : "are")} misconfigured (the serving self-check above says what to set). Fix it, or tick \"Skip the serving self-check\" to score it as it is.";
    }

    private static string Verdict(ServingVerdict verdict) => verdict switch
    {
        ServingVerdict.Pass => "serving check passed",
        ServingVerdict.Misconfigured => "serving is misconfigured",
        _ => "serving check inconclusive",
    };

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

/// <summary>Start a built-in suite for the chosen profiles, optionally on its first N samples, optionally without the serving self-check.</summary>
public sealed record BenchStartRequest(string? Suite, IReadOnlyList<string>? Models, int? Limit, bool? NoCheck = null);
