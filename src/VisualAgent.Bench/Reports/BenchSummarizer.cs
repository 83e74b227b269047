using System.Globalization;
using VisualAgent.Bench.Metrics;
using VisualAgent.Bench.Scoring;
using VisualAgent.Bench.Suites;
using VisualAgent.Bench.Tasks;

namespace VisualAgent.Bench.Reports;

/// <summary>Turns result lines into per-model summaries: headline with bootstrap interval, breakdowns, latency, tokens, cost, failures.</summary>
internal static class BenchSummarizer
{
    public const string PointInBoxRule = "grounding hit = the predicted point lies inside the true box, edges inclusive (x1 <= x <= x2 and y1 <= y <= y2); a box prediction is scored by its centre, IoU reported beside";

    public static BenchSummary Summarize(
        LoadedSuite suite, IReadOnlyList<(ModelRunInfo Info, IReadOnlyCollection<SampleResult> Results)> models, DateTimeOffset now, JudgeRunInfo? judge = null,
        TaskInstructions instructions = TaskInstructions.Instruction)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(models);
        var ids = suite.Samples.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var notes = new List<string>();
        if (suite.Kind == SuiteKind.Caption)
        {
            notes.Add("Captions: headline = mean sentence-level BLEU-4; corpus BLEU-4 and CIDEr-D (0..10) beside it. " + (judge is null
                ? "1-5 judge rubric: no judge given (--judge PROFILE)."
                : $"1-5 judge rubric by {judge.Profile}, reported apart (never in the headline): mean over judged samples with a 95 % bootstrap interval; unparsed replies and failed calls counted, not scored."
                    + (judge.Simulated ? " SIMULATED judge: it answers 1 + round(4 x sentence BLEU-4), so its figure measures the harness, not caption quality." : "")));
        }

        if (judge?.Message is { } judgeMessage)
        {
            notes.Add(judgeMessage);
        }

        if (models.Any(m => m.Info.Simulated))
        {
            notes.Add("SIMULATED: sim-* models are answered by the in-process simulated server from the ground truth; their scores, latencies and tokens measure the harness, not a model.");
        }

        var summaries = models.Select(m => Model(suite, ids, m.Info, judge, [.. m.Results.Where(r => ids.ContainsKey(r.Id)).OrderBy(r => r.Id, StringComparer.Ordinal)])).ToList();
        var tasks = suite.Kind == SuiteKind.Tasks;
        if (tasks)
        {
            notes.Insert(0, TaskNotes.About(instructions));
        }

        return new BenchSummary
        {
            Suite = suite.Name,
            Kind = suite.Kind.Id(),
            Metric = suite.Kind.HeadlineMetric(),
            Mode = tasks ? (instructions == TaskInstructions.Solution ? "solution" : "instruction") : null,
            FalseSuccesses = tasks ? summaries.Sum(m => m.FalseSuccesses ?? 0) : null,
            Rule = suite.Kind == SuiteKind.Grounding ? PointInBoxRule : null,
            Samples = suite.Samples.Count,
            SkippedInput = suite.Issues.Count,
            InputIssues = suite.Issues,
            Models = summaries,
            BadInput = [.. models.SelectMany(m => m.Results).Where(r => r.Status == SampleResult.StatusBadInput && ids.ContainsKey(r.Id))
                .GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(r => r.Id, StringComparer.Ordinal)
                .Select(r => new BadInputSample(r.Id, r.Error ?? r.Cause ?? "unusable input"))],
            Warnings = tasks ? [.. TaskNotes.Warnings(summaries, instructions)] : [],
            Notes = notes,
            CreatedAt = now,
        };
    }

    /// <param name="all">Every current result of the model: scored ones (ok, failed), transient errors and bad input.</param>
    private static ModelSummary Model(LoadedSuite suite, Dictionary<string, BenchSample> ids, ModelRunInfo info, JudgeRunInfo? judge, List<SampleResult> all)
    {
        // Only the model's own outcomes are scored: a transient error is run again on resume, bad input is reported apart.
        var results = all.Where(r => r.Scored).ToList();
        var errors = all.Where(r => r.Status == SampleResult.StatusError).ToList();
        var badInput = all.Count(r => r.Status == SampleResult.StatusBadInput);
        var notRun = all.Count(r => r.Status == SampleResult.StatusNotRun);
        var tasks = suite.Kind == SuiteKind.Tasks;
        var summary = new ModelSummary
        {
            Model = info.Model,
            Simulated = info.Simulated,
            Metric = suite.Kind.HeadlineMetric(),
            Outcome = info.Status,
            Message = info.Message,
            Pending = suite.Samples.Count - results.Count - badInput - notRun,
            NotRun = notRun,
            FalseSuccesses = tasks ? all.Count(r => r.FalseSuccess == true) : null,
            FalseFailures = tasks ? all.Count(r => r.FalseFailure == true) : null,
            Tasks = tasks ? TaskFiguresOf(all) : null,
            Errors = errors.Count,
            BadInput = badInput,
            Failures = results.Concat(errors).Where(r => r.Cause is not null).GroupBy(r => r.Cause!).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            Resumed = info.Resumed,
            WallSeconds = Math.Round(info.Wall.TotalSeconds, 3),
            SamplesPerSecond = info.Wall > TimeSpan.Zero && info.RanNow > 0 ? Math.Round(info.RanNow / info.Wall.TotalSeconds, 3) : null,
            GpuPeakMemory = info.GpuPeakMib is { } mib ? string.Create(CultureInfo.InvariantCulture, $"{mib:0} MiB") : "n/a",
        };
        if (results.Count == 0)
        {
            return summary;
        }

        var scores = results.Select(r => r.Score).ToList();
        var interval = Bootstrap.Interval(scores, 0.95, 1000, 12345);
        // Tasks: the wall time of every task whose run started; other kinds: samples that gave an answer.
        var latencies = (tasks ? results.Where(r => r.RunFolder is not null) : results.Where(r => r.Cause is null or "wrong_format" or "not_found")).Select(r => r.LatencyMs).ToList();
        var ttfts = results.Where(r => r.TtftMs is not null).Select(r => r.TtftMs!.Value).ToList();
        var tokens = new TokenFigures(results.Sum(r => r.PromptTokens), results.Sum(r => r.CompletionTokens), results.Sum(r => r.ImageTokens));
        return summary with
        {
            Score = R(scores.Average()),
            N = results.Count,
            Outcome = info.Status == ModelRunStatus.Ok && summary.Pending > 0 ? ModelRunStatus.Incomplete : info.Status,
            Ci95 = [R(interval.Low), R(interval.High)],
            Metrics = KindMetrics(suite.Kind, ids, results),
            Breakdowns = GroupBreakdowns.Of(results),
            LatencyMs = Figures(latencies),
            TtftMs = Figures(ttfts),
            Tokens = tokens,
            Cost = Cost(info, tokens),
            WrongFormat = results.Count(r => r.Cause == "wrong_format"),
            Judge = suite.Kind == SuiteKind.Caption && judge is not null ? Judged(judge, results) : null,
        };
    }

    private static TaskFigures TaskFiguresOf(List<SampleResult> all)
    {
        var tasks = all.Where(r => r.Verdict is not null).ToList();
        var ran = tasks.Where(r => r.Verdict != TaskVerdict.NotRun).ToList();
        var refusedByGrammar = ran.Count(r => r.Verdict == TaskVerdict.Refused && r.RunFolder is null);
        var read = ran.Count(r => r.RunFolder is not null);
        var steps = tasks.SelectMany(r => r.StepMs ?? []).ToList();
        return new TaskFigures
        {
            Verdicts = Enum.GetValues<TaskVerdict>().ToDictionary(TaskCauses.Name, v => tasks.Count(r => r.Verdict == v)),
            Truth = Enum.GetValues<TaskTruth>().ToDictionary(TaskCauses.Name, t => ran.Count(r => r.Truth == t)),
            Read = read,
            RefusedByGrammar = refusedByGrammar,
            RefusedInRun = ran.Count(r => r.Verdict == TaskVerdict.Refused && r.RunFolder is not null),
            RefusedShare = read + refusedByGrammar == 0 ? 0 : R((double)refusedByGrammar / (read + refusedByGrammar)),
            NotRun = tasks.Count - ran.Count,
            StepMs = Figures(steps),
            Steps = steps.Count,
        };
    }

    private static Dictionary<string, double> KindMetrics(SuiteKind kind, Dictionary<string, BenchSample> ids, List<SampleResult> results)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in results.SelectMany(r => r.Metrics.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var values = results.Where(r => r.Metrics.ContainsKey(name)).Select(r => r.Metrics[name]).ToList();
            metrics["mean_" + name] = R(values.Average());
        }

        if (kind == SuiteKind.Caption)
        {
            var candidates = results.Select(r => r.Prediction ?? "").ToList();
            var references = results.Select(r => (IReadOnlyList<string>)ids[r.Id].Answers).ToList();
            metrics["bleu4_corpus"] = R(CaptionMetrics.Bleu4(candidates, references));
            metrics["cider_d"] = R(CaptionMetrics.CiderD(candidates, references));
        }

        if (kind == SuiteKind.Tasks)
        {
            metrics["mean_steps"] = R(results.Average(r => r.Steps ?? 0));
            metrics["mean_model_calls"] = R(results.Average(r => r.Calls));
            metrics["mean_wall_s"] = R(results.Average(r => r.LatencyMs) / 1000);
        }

        if (kind == SuiteKind.Refexp)
        {
            metrics["mean_iou_all"] = R(results.Average(r => r.Metrics.GetValueOrDefault("iou")));
        }

        return metrics;
    }

    private static JudgeSummary Judged(JudgeRunInfo judge, List<SampleResult> results)
    {
        var scores = results.Where(r => r.Judge is not null).Select(r => (double)r.Judge!.Value).ToList();
        BootstrapInterval? interval = scores.Count > 0 ? Bootstrap.Interval(scores, 0.95, 1000, 12345) : null;
        return new JudgeSummary
        {
            Profile = judge.Profile,
            Simulated = judge.Simulated,
            Mean = scores.Count > 0 ? R(scores.Average()) : null,
            N = scores.Count,
            Ci95 = interval is { } ci ? [R(ci.Low), R(ci.High)] : null,
            Unparsed = results.Count(r => r.JudgeStatus == "unparsed"),
            Failed = results.Count(r => r.JudgeStatus == "failed"),
            Message = judge.Message,
        };
    }

    private static LatencyFigures? Figures(List<double> values) =>
        values.Count == 0 ? null : new LatencyFigures(R(Percentiles.Of(values, 50)), R(Percentiles.Of(values, 95)), R(values.Average()));

    private static CostFigure? Cost(ModelRunInfo info, TokenFigures tokens)
    {
        var price = info.Price;
        if (price?.PerMillionInput is not null || price?.PerMillionOutput is not null)
        {
            var amount = (tokens.Prompt * (price.PerMillionInput ?? 0) / 1e6) + (tokens.Completion * (price.PerMillionOutput ?? 0) / 1e6);
            return new CostFigure(R(amount), "per million tokens (prompt + completion, as the profile's Price)");
        }

        return price?.PerGpuHour is { } hour
            ? new CostFigure(R(hour * info.Wall.TotalHours), "per GPU-hour x this run's wall time")
            : null;
    }

    internal static double R(double v) => Math.Round(v, 6, MidpointRounding.AwayFromZero);
}
