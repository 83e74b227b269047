using VisualAgent.Bench.Contestants;
using VisualAgent.Bench.Metrics;
using VisualAgent.Bench.Suites;
using VisualAgent.Bench.Tasks;


namespace VisualAgent.Bench.Scoring;

/// <summary>
/// Scores one prediction against its sample (0..1, higher is better) and builds the result line. A prediction with
/// no usable answer is a failure (wrong_format, timeout, model_error, ...) scored 0; a transient one (rate_limited,
/// server_error) is an error and a bad input is bad_input, neither of them a score.
/// </summary>
internal static class SampleScorer
{
    public static SampleResult Score(string model, BenchSample sample, Prediction prediction, DateTimeOffset finishedAt)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(prediction);
        var result = new SampleResult
        {
            Model = model,
            Id = sample.Id,
            Kind = sample.Kind.Id(),
            Status = SampleResult.StatusOk,
            Groups = new Dictionary<string, string>(sample.Groups, StringComparer.Ordinal),
            Prompt = sample.Prompt.Length > 0 ? sample.Prompt : null,
            TruthBox = sample.Box?.ToArray(),
            PredPoint = prediction.Point is { } p ? [p.X, p.Y] : null,
            PredBox = prediction.Box?.ToArray(),
            Prediction = prediction.Text,
            Image = sample.Images.Count > 0 ? sample.Images[^1] : null,
            LatencyMs = prediction.Latency.TotalMilliseconds,
            TtftMs = prediction.TimeToFirstToken?.TotalMilliseconds,
            PromptTokens = prediction.Usage?.PromptTokens ?? 0,
            CompletionTokens = prediction.Usage?.CompletionTokens ?? 0,
            ImageTokens = prediction.Usage?.ImageTokens ?? 0,
            Calls = prediction.Calls,
            Steps = prediction.Steps,
            RunFolder = prediction.RunFolder,
            Simulated = prediction.Simulated,
            Raw = prediction.Raw is { Length: > 500 } raw ? raw[..500] : prediction.Raw,
            Error = prediction.Error ?? prediction.FormatError,
            FinishedAt = finishedAt,
        };
        if (sample.Kind == SuiteKind.Tasks && prediction.Task is { } task)
        {
            return Task(task, result);
        }

        if (prediction.FailureCause is { } cause)
        {
            var status = prediction.BadInput ? SampleResult.StatusBadInput : prediction.Transient ? SampleResult.StatusError : SampleResult.StatusFailed;
            return result with { Status = status, Cause = cause, Score = 0 };
        }

        if (prediction.FormatError is not null)
        {
            return result with { Status = SampleResult.StatusFailed, Cause = "wrong_format", Score = 0 };
        }

        return sample.Kind switch
        {
            SuiteKind.Grounding => Grounding(sample, prediction, result),
            SuiteKind.Refexp => Refexp(sample, prediction, result),
            SuiteKind.Ocr => Ocr(sample, prediction, result),
            SuiteKind.Caption => Caption(sample, prediction, result),
            SuiteKind.Tasks => result with { Score = prediction.TaskSuccess == true ? 1 : 0 },
            _ => result with { Score = VqaMetrics.SoftAccuracy(prediction.Text ?? "", sample.Answers) },
        };
    }

    private static SampleResult Grounding(BenchSample sample, Prediction prediction, SampleResult result)
    {
        var hit = GroundingHit.Of(sample.Box!.Value, prediction.Point);
        if (prediction.Box is { } box)
        {
            result.Metrics["iou"] = RefexpMetrics.Iou(sample.Box!.Value, box);
        }

        if (prediction.Confidence is { } confidence)
        {
            result.Metrics["confidence"] = confidence;
        }

        return result with { Score = hit ? 1 : 0 };
    }

    private static SampleResult Refexp(BenchSample sample, Prediction prediction, SampleResult result)
    {
        if (prediction.Box is not { } box)
        {
            return result with { Status = SampleResult.StatusFailed, Cause = "wrong_format", Error = "the reply gives a point but no box (IoU needs a box)", Score = 0 };
        }

        var iou = RefexpMetrics.Iou(sample.Box!.Value, box);
        result.Metrics["iou"] = iou;
        return result with { Score = RefexpMetrics.IsHit(sample.Box!.Value, box) ? 1 : 0 };
    }

    private static SampleResult Ocr(BenchSample sample, Prediction prediction, SampleResult result)
    {
        var truth = sample.Answers[0];
        var text = prediction.Text ?? "";
        var cer = TextMetrics.Cer(truth, text);
        result.Metrics["cer"] = cer;
        result.Metrics["wer"] = TextMetrics.Wer(truth, text);
        var boxed = sample.Lines.Where(l => l.Box is not null).Select(l => (l.Text, l.Box!.Value)).ToList();
        if (boxed.Count > 0 && prediction.Spots is { } spots)
        {
            var detection = DetectionMetrics.Match(boxed, spots);
            result.Metrics["det_precision"] = detection.Precision;
            result.Metrics["det_recall"] = detection.Recall;
            result.Metrics["det_f1"] = detection.F1;
        }

        return result with { Score = Math.Max(0, 1 - cer) };
    }

    private static SampleResult Caption(BenchSample sample, Prediction prediction, SampleResult result)
    {
        var bleu = CaptionMetrics.Bleu4PerSample([prediction.Text ?? ""], [sample.Answers])[0];
        result.Metrics["bleu4_sentence"] = bleu;
        return result with { Score = bleu };
    }

    /// <summary>
    /// A task: scored by the app's truth (1 when success_js is true); the agent's verdict, the cause and the instruction
    /// as it was read beside it. A task that never started (refused by the grammar, an error) is "failed"; one this
    /// mode does not run is "not_run" and not scored.
    /// </summary>
    private static SampleResult Task(TaskOutcome task, SampleResult result)
    {
        var started = task.RunFolder is not null;
        var status = task.Verdict == TaskVerdict.NotRun ? SampleResult.StatusNotRun
            : !started && task.Verdict is TaskVerdict.Refused or TaskVerdict.Error ? SampleResult.StatusFailed
            : SampleResult.StatusOk;
        return result with
        {
            Status = status,
            Score = task.Success ? 1 : 0,
            Cause = task.CauseName,
            Verdict = task.Verdict,
            Truth = task.Truth,
            RunFolder = task.RunFolder,
            Steps = task.Steps,
            Prompt = task.Instruction ?? result.Prompt,
            Goal = task.Goal is { } goal && goal != task.Instruction ? goal : null,
            FailedChecks = started ? task.FailedChecks : null,
            WeakChecks = started ? task.WeakChecks : null,
            StepMs = task.StepMs.Count > 0 ? [.. task.StepMs.Select(ms => Math.Round(ms, 1))] : null,
            Image = task.FinalScreenshot ?? result.Image,
        };
    }
}
