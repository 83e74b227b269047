using VisualAgent.Geometry;
using VisualAgent.Grounding;

namespace VisualAgent.Bench.Contestants;

/// <summary>What a model answered for one sample, in screenshot pixels, and what the answer cost.</summary>
internal sealed record Prediction
{
    public ScreenPoint? Point { get; init; }

    public ScreenBox? Box { get; init; }

    /// <summary>Answer, caption or recognised text.</summary>
    public string? Text { get; init; }

    /// <summary>Spotted text lines with boxes (OCR).</summary>
    public IReadOnlyList<(string Text, ScreenBox Box)>? Spots { get; init; }

    /// <summary>Why the reply holds no usable prediction (it did not parse, or it lacks a point/box/text): wrong format.</summary>
    public string? FormatError { get; init; }

    /// <summary>A failure other than the format: its cause (timeout, model_error, error) and message.</summary>
    public string? FailureCause { get; init; }

    public string? Error { get; init; }

    /// <summary>The failure is transient (HTTP 429/5xx after the retries): recorded as an error, run again on resume.</summary>
    public bool Transient { get; init; }

    /// <summary>The sample's input is unusable (a corrupt image): reported apart, never scored as the model's miss.</summary>
    public bool BadInput { get; init; }

    public string? Raw { get; init; }

    /// <summary>Grounding: the model's own confidence in its answer (0..1), when it gives one (the OCR grounder does).</summary>
    public double? Confidence { get; init; }

    public TimeSpan Latency { get; init; }

    public TimeSpan? TimeToFirstToken { get; init; }

    public TokenUsage? Usage { get; init; }

    public int Calls { get; init; }

    public bool Simulated { get; init; }

    /// <summary>Tasks: the app's truth (success_js) is true.</summary>
    public bool? TaskSuccess { get; init; }

    /// <summary>Tasks: the whole outcome (verdict, truth, cause, instruction, checks, step times).</summary>
    public Tasks.TaskOutcome? Task { get; init; }

    public int? Steps { get; init; }

    public string? RunFolder { get; init; }

    public static Prediction Failed(string cause, string error, TimeSpan latency, bool simulated) =>
        new() { FailureCause = cause, Error = error, Latency = latency, Simulated = simulated };
}
