using VisualAgent.Bench.Contestants;
using VisualAgent.Bench.Reports;
using VisualAgent.Bench.Scoring;
using VisualAgent.Bench.Suites;
using VisualAgent.Bench.Tasks;
using VisualAgent.Errors;
using VisualAgent.Hosting;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Bench.Runner;

/// <summary>
/// One model over the pending samples of a suite (those with no result under their current key, or a transient error):
/// K in flight, each result appended as it finishes. A model none of whose samples succeeded ends "failed".
/// </summary>
internal static class ModelRun
{
    public static async Task<ModelRunInfo> RunAsync(
        ModelProfile profile, LoadedSuite suite, IReadOnlyDictionary<string, string> keys, ResultStore store, BenchRunOptions options, TaskRunOptions? tasks, CaptionJudge? judge, IProgress<BenchProgress>? progress, CancellationToken ct)
    {
        var info = await RunPendingAsync(profile, suite, keys, store, options, tasks, judge, progress, ct).ConfigureAwait(false);
        return Judged(info, store.Current(keys));
    }

    /// <summary>The resume key of every sample of the suite in this run's mode.</summary>
    public static Dictionary<string, string> Keys(LoadedSuite suite, BenchRunOptions options) =>
        suite.Samples.ToDictionary(s => s.Id, s => SampleKey.Of(s, options.KeyMode(suite.Kind)), StringComparer.Ordinal);

    /// <summary>"failed" (with the first error) when results exist and none of them succeeded, bad input and tasks not run aside.</summary>
    private static ModelRunInfo Judged(ModelRunInfo info, IReadOnlyCollection<SampleResult> results)
    {
        var own = results.Where(r => r.Status is not (SampleResult.StatusBadInput or SampleResult.StatusNotRun)).ToList();
        if (info.Status != ModelRunStatus.Ok || own.Count == 0 || own.Any(r => r.Ok))
        {
            return info;
        }

        var first = own.OrderBy(r => r.Id, StringComparer.Ordinal).First();
        return info with { Status = ModelRunStatus.Failed, Message = $"every sample failed ({own.Count}); the first, {first.Id}: {first.Cause}{(first.Error is { } e ? ": " + e : "")}" };
    }

    private static async Task<ModelRunInfo> RunPendingAsync(
        ModelProfile profile, LoadedSuite suite, IReadOnlyDictionary<string, string> keys, ResultStore store, BenchRunOptions options, TaskRunOptions? tasks, CaptionJudge? judge, IProgress<BenchProgress>? progress, CancellationToken ct)
    {
        var info = new ModelRunInfo { Model = profile.Name, Simulated = profile.IsSimulated, Price = profile.Price };
        var pending = suite.Samples.Where(s => !store.IsDone(s.Id, keys[s.Id])).ToList();
        var resumed = suite.Samples.Count - pending.Count;
        info = info with { Resumed = resumed };
        void Say(string message) => progress?.Report(new BenchProgress(profile.Name, resumed, suite.Samples.Count, 0, TimeSpan.Zero, null) { Message = message, Simulated = info.Simulated, Finished = true });

        IBenchModel model;
        try
        {
            model = tasks is not null ? new TaskBenchModel(profile, tasks) : await BenchModelFactory.CreateAsync(profile, options.ModelOptions, ct).ConfigureAwait(false);
        }
        catch (ModelStoppedException ex)
        {
            Say("stopped: " + ex.Message);
            return info with { Status = ModelRunStatus.Unreachable, Message = ex.Message };
        }

        await using (model.ConfigureAwait(false))
        {
            if (model.NotSupported(suite.Kind) is { } reason)
            {
                Say(reason);
                return info with { Status = ModelRunStatus.NotSupported, Message = reason };
            }

            if (tasks is not null && !profile.IsSimulated && !profile.IsOcr && !profile.IsInProcess
                && await EndpointProbe.CheckAsync(profile.Name, profile.GetEndpoints(), options.ModelOptions.ProbeTimeout, ct).ConfigureAwait(false) is { } problem)
            {
                Say("stopped: " + problem);
                return info with { Status = ModelRunStatus.Unreachable, Message = problem };
            }

            if (pending.Count == 0)
            {
                Say($"all {suite.Samples.Count} samples already done (resumed from {store.Path})");
                return info;
            }

            // Task runs open a model stack per task: an in-process model stays loaded for the whole run instead.
            using var hold = tasks is not null ? await ModelStack.KeepLoadedAsync(profile, cancellationToken: ct).ConfigureAwait(false) : null;
            return await RunSamplesAsync(model, pending, keys, suite.Samples.Count, store, options, info, judge, progress, ct).ConfigureAwait(false);
        }
    }

    private static async Task<ModelRunInfo> RunSamplesAsync(
        IBenchModel model, List<BenchSample> pending, IReadOnlyDictionary<string, string> keys, int total, ResultStore store, BenchRunOptions options, ModelRunInfo info, CaptionJudge? judge, IProgress<BenchProgress>? progress, CancellationToken ct)
    {
        var time = options.Time;
        var started = time.GetTimestamp();
        var tracker = new ProgressTracker(model.Name, model.Simulated, info.Resumed, total, pending.Count, time, options.ProgressInterval, progress);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        string? stoppedBecause = null;
        var gpu = GpuMemoryMonitor.Start();
        await using (gpu.ConfigureAwait(false))
        {
            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = Math.Max(1, Math.Min(options.Concurrency, model.Profile.MaxConcurrency)),
                CancellationToken = stop.Token,
            };
            try
            {
                await Parallel.ForEachAsync(pending, parallel, async (sample, token) =>
                {
                    Prediction prediction;
                    try
                    {
                        prediction = await model.PredictAsync(sample, token).ConfigureAwait(false);
                    }
                    catch (ModelStoppedException ex)
                    {
                        Interlocked.CompareExchange(ref stoppedBecause, ex.Message, null);
                        await stop.CancelAsync().ConfigureAwait(false);
                        return;
                    }
                    catch (OperationCanceledException) when (token.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (ImageFormatException ex)
                    {
                        // The sample's image is unusable: bad input, reported apart, not the model's miss.
                        prediction = Prediction.Failed("bad_image", ex.Message, TimeSpan.Zero, model.Simulated) with { BadInput = true };
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        prediction = Prediction.Failed("error", $"{ex.GetType().Name}: {ex.Message}", TimeSpan.Zero, model.Simulated);
                    }

                    var result = SampleScorer.Score(model.Name, sample, prediction, time.GetUtcNow()) with { Key = keys[sample.Id] };
                    if (judge is not null)
                    {
                        result = await judge.JudgeAsync(sample, result, message => progress?.Report(BenchProgress.ForSuite("warning: " + message)), token).ConfigureAwait(false);
                    }

                    if (store.Append(result))
                    {
                        // A task counts as failed in the progress line when the app says it was not done.
                        tracker.Finished(result.Ok && (result.Verdict is null || result.Score >= 1));
                    }
                }).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The model was stopped (unreachable): the others go on.
            }

            var peak = await gpu.StopAsync().ConfigureAwait(false);
            tracker.Report(true, stoppedBecause is null ? null : "stopped: " + stoppedBecause);
            ct.ThrowIfCancellationRequested();
            return info with
            {
                Status = stoppedBecause is null ? ModelRunStatus.Ok : ModelRunStatus.Unreachable,
                Message = stoppedBecause,
                Wall = time.GetElapsedTime(started),
                RanNow = tracker.RanNow,
                GpuPeakMib = peak,
            };
        }
    }
}
