using System.Text.Json.Serialization;

namespace VisualAgent.Bench.Reports;

/// <summary>One model's line of summary.json: "model", "score" (0..1, null when not scored), "n", then the details.</summary>
public sealed record ModelSummary
{
    [JsonPropertyName("model")]
    public required string Model { get; init; }

    /// <summary>The headline score (mean per-sample score, 0..1); null when the model was not scored.</summary>
    [JsonPropertyName("score")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? Score { get; init; }

    [JsonPropertyName("n")]
    public int N { get; init; }

    /// <summary>Tasks: the agent said succeeded and the app's success_js did not say true. Null for other suites.</summary>
    [JsonPropertyName("false_successes")]
    public int? FalseSuccesses { get; init; }

    /// <summary>Tasks: the agent did not say succeeded and the app's success_js says true. Null for other suites.</summary>
    [JsonPropertyName("false_failures")]
    public int? FalseFailures { get; init; }

    /// <summary>Tasks: verdicts, truth, instructions read and refused, time per step. Null for other suites.</summary>
    [JsonPropertyName("tasks")]
    public TaskFigures? Tasks { get; init; }

    [JsonPropertyName("simulated")]
    public bool Simulated { get; init; }

    /// <summary>How the model's run went; <see cref="Status"/> is its name in summary.json.</summary>
    [JsonIgnore]
    public ModelRunStatus Outcome { get; init; } = ModelRunStatus.Ok;

    /// <summary>ok, incomplete (samples left), failed (no sample succeeded), unreachable, not_supported.</summary>
    [JsonPropertyName("status")]
    public string Status => Outcome switch
    {
        ModelRunStatus.Ok => "ok",
        ModelRunStatus.Incomplete => "incomplete",
        ModelRunStatus.Failed => "failed",
        ModelRunStatus.Unreachable => "unreachable",
        ModelRunStatus.NotSupported => "not_supported",
        _ => throw new InvalidOperationException($"No summary name for {Outcome}."),
    };

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("metric")]
    public string Metric { get; init; } = "";

    /// <summary>95 % percentile-bootstrap interval of the headline score (1000 resamples, fixed seed).</summary>
    [JsonPropertyName("ci95")]
    public double[]? Ci95 { get; init; }

    /// <summary>Further figures: mean_iou, cer, wer, det_f1, bleu4_corpus, cider_d, mean_steps, ...</summary>
    [JsonPropertyName("metrics")]
    public Dictionary<string, double> Metrics { get; init; } = [];

    /// <summary>Captions with --judge: the 1-5 rubric score, reported apart from the headline; null without a judge.</summary>
    [JsonPropertyName("judge")]
    public JudgeSummary? Judge { get; init; }

    [JsonPropertyName("breakdowns")]
    public IReadOnlyList<GroupBreakdown> Breakdowns { get; init; } = [];

    [JsonPropertyName("latency_ms")]
    public LatencyFigures? LatencyMs { get; init; }

    [JsonPropertyName("ttft_ms")]
    public LatencyFigures? TtftMs { get; init; }

    [JsonPropertyName("tokens")]
    public TokenFigures Tokens { get; init; } = new(0, 0, 0);

    /// <summary>Cost from the profile's price; null when the profile has none.</summary>
    [JsonPropertyName("cost")]
    public CostFigure? Cost { get; init; }

    /// <summary>Peak used GPU memory in MiB during this model's run; "n/a" without nvidia-smi.</summary>
    [JsonPropertyName("gpu_peak_memory")]
    public string GpuPeakMemory { get; init; } = "n/a";

    [JsonPropertyName("failures")]
    public Dictionary<string, int> Failures { get; init; } = [];

    [JsonPropertyName("wrong_format")]
    public int WrongFormat { get; init; }

    /// <summary>Samples not yet done (stopped model, cancelled run, transient errors): a rerun with the same --out does them.</summary>
    [JsonPropertyName("pending")]
    public int Pending { get; init; }

    /// <summary>Samples whose call still failed transiently (HTTP 429/5xx) after the retries: not scored, run again on resume.</summary>
    [JsonPropertyName("errors")]
    public int Errors { get; init; }

    /// <summary>Tasks this run's mode does not run (--instructions solution and no solution): not scored.</summary>
    [JsonPropertyName("not_run")]
    public int NotRun { get; init; }

    /// <summary>Samples with unusable input (a corrupt image): not scored, listed in the summary's bad_input.</summary>
    [JsonPropertyName("bad_input")]
    public int BadInput { get; init; }

    [JsonPropertyName("resumed")]
    public int Resumed { get; init; }

    [JsonPropertyName("wall_s")]
    public double WallSeconds { get; init; }

    [JsonPropertyName("samples_per_s")]
    public double? SamplesPerSecond { get; init; }
}

public sealed record LatencyFigures(
    [property: JsonPropertyName("p50")] double P50,
    [property: JsonPropertyName("p95")] double P95,
    [property: JsonPropertyName("mean")] double Mean);

public sealed record TokenFigures(
    [property: JsonPropertyName("prompt")] long Prompt,
    [property: JsonPropertyName("completion")] long Completion,
    [property: JsonPropertyName("image")] long Image);

/// <summary>A cost and how it was computed ("per million tokens" or "per GPU-hour x wall time").</summary>
public sealed record CostFigure(
    [property: JsonPropertyName("amount")] double Amount,
    [property: JsonPropertyName("basis")] string Basis);
