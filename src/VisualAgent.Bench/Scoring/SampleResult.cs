using System.Text.Json.Serialization;
using VisualAgent.Bench.Contestants;
using VisualAgent.Bench.Tasks;

namespace VisualAgent.Bench.Scoring;

/// <summary>
/// One line of results/&lt;model&gt;.jsonl: what one model did on one sample and its score (0..1). A failed sample
/// (timeout, error, wrong format) scores 0 and names its <see cref="Cause"/>. Simulated results say so.
/// </summary>
internal sealed record SampleResult
{
    [JsonPropertyName("model")]
    public required string Model { get; init; }

    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>
    /// "ok" (scored from a usable prediction), "failed" (the model's failure, see <see cref="Cause"/>; scored 0), "error"
    /// (a transient failure such as HTTP 429/5xx that persisted after the retries: not a score, run again on resume) or
    /// "bad_input" (the sample itself is unusable, e.g. a corrupt image: reported apart, not the model's miss) or "not_run"
    /// (a task this run's mode does not run: --instructions solution and no solution; not scored).
    /// </summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Why it failed: timeout, wrong_format, model_error, error, ...</summary>
    [JsonPropertyName("cause")]
    public string? Cause { get; init; }

    /// <summary>The per-sample headline score, 0..1.</summary>
    [JsonPropertyName("score")]
    public double Score { get; init; }

    /// <summary>Further per-sample figures (iou, cer, wer, f1, bleu4, cider_d, ...).</summary>
    [JsonPropertyName("metrics")]
    public Dictionary<string, double> Metrics { get; init; } = [];

    [JsonPropertyName("groups")]
    public Dictionary<string, string> Groups { get; init; } = [];

    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    [JsonPropertyName("pred_point")]
    public double[]? PredPoint { get; init; }

    [JsonPropertyName("pred_bbox")]
    public double[]? PredBox { get; init; }

    [JsonPropertyName("gt_bbox")]
    public double[]? TruthBox { get; init; }

    /// <summary>The predicted text (answer, caption, recognised text).</summary>
    [JsonPropertyName("prediction")]
    public string? Prediction { get; init; }

    /// <summary>The (last) image, full path: the failure gallery draws on it.</summary>
    [JsonPropertyName("image")]
    public string? Image { get; init; }

    [JsonPropertyName("latency_ms")]
    public double LatencyMs { get; init; }

    [JsonPropertyName("ttft_ms")]
    public double? TtftMs { get; init; }

    [JsonPropertyName("prompt_tokens")]
    public long PromptTokens { get; init; }

    [JsonPropertyName("completion_tokens")]
    public long CompletionTokens { get; init; }

    [JsonPropertyName("image_tokens")]
    public long ImageTokens { get; init; }

    /// <summary>Model calls made (HTTP requests; a corrective follow-up counts; agent steps for tasks).</summary>
    [JsonPropertyName("calls")]
    public int Calls { get; init; }

    /// <summary>Tasks: steps the agent took.</summary>
    [JsonPropertyName("steps")]
    public int? Steps { get; init; }

    /// <summary>Tasks: the run folder of the agent's run.</summary>
    [JsonPropertyName("run_folder")]
    public string? RunFolder { get; init; }

    /// <summary>Tasks: the agent's own verdict (succeeded, failed, blocked, refused, error, not_run).</summary>
    [JsonPropertyName("verdict")]
    public TaskVerdict? Verdict { get; init; }

    /// <summary>Tasks: the app's truth, success_js when the agent stopped (true, false, unknown).</summary>
    [JsonPropertyName("truth")]
    public TaskTruth? Truth { get; init; }

    /// <summary>Tasks: the agent said succeeded and the app does not say true. The worst outcome there is.</summary>
    [JsonPropertyName("false_success")]
    public bool? FalseSuccess => Verdict is { } v ? v == TaskVerdict.Succeeded && Truth != TaskTruth.True : null;

    /// <summary>Tasks: the agent ran and did not say succeeded, and the app says true.</summary>
    [JsonPropertyName("false_failure")]
    public bool? FalseFailure => Verdict is { } v ? v is not (TaskVerdict.Succeeded or TaskVerdict.NotRun) && Truth == TaskTruth.True : null;

    /// <summary>Tasks: what the agent was given when it was not the instruction (the solution's steps).</summary>
    [JsonPropertyName("goal")]
    public string? Goal { get; init; }

    /// <summary>Tasks: steps whose check failed, and steps whose check was only weak.</summary>
    [JsonPropertyName("failed_checks")]
    public int? FailedChecks { get; init; }

    [JsonPropertyName("weak_checks")]
    public int? WeakChecks { get; init; }

    /// <summary>Tasks: each step's duration in ms.</summary>
    [JsonPropertyName("step_ms")]
    public double[]? StepMs { get; init; }

    [JsonPropertyName("simulated")]
    public bool Simulated { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>The model's reply (cut to 500 characters).</summary>
    [JsonPropertyName("raw")]
    public string? Raw { get; init; }

    /// <summary>Captions with --judge: the judge's 1-5 rubric score, or null (not judged, unparsed or failed). Reported apart from <see cref="Score"/>.</summary>
    [JsonPropertyName("judge")]
    public int? Judge { get; init; }

    /// <summary>Captions with --judge: "ok", "unparsed" (the reply held no integer 1-5) or "failed" (the judge call failed); null = not judged.</summary>
    [JsonPropertyName("judge_status")]
    public string? JudgeStatus { get; init; }

    /// <summary>The judge's reply (cut to 200 characters) when it did not parse, or its error.</summary>
    [JsonPropertyName("judge_raw")]
    public string? JudgeRaw { get; init; }

    /// <summary>The sample's resume key (<see cref="SampleKey"/>): a result is reused only for a sample with the same key.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    [JsonPropertyName("finished_at")]
    public DateTimeOffset FinishedAt { get; init; }

    [JsonIgnore]
    public bool Ok => Status == StatusOk;

    public const string StatusOk = "ok";
    public const string StatusFailed = "failed";
    public const string StatusError = "error";
    public const string StatusBadInput = "bad_input";
    public const string StatusNotRun = "not_run";

    /// <summary>Counted in the score: "ok" and "failed" (not transient errors, not bad input).</summary>
    [JsonIgnore]
    public bool Scored => Status is StatusOk or StatusFailed;
}
