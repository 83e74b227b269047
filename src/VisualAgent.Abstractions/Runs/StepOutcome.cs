using System.Text.Json.Serialization;

namespace VisualAgent.Runs;

/// <summary>How one step ended, written in steps.jsonl under the names it has always had.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepOutcome>))]
public enum StepOutcome
{
    /// <summary>The action was performed and its check held (or it had none to make).</summary>
    [JsonStringEnumMemberName("ok")] Ok,

    /// <summary>An attempt that is tried again (only when it demonstrably had no effect).</summary>
    [JsonStringEnumMemberName("retry")] Retry,

    [JsonStringEnumMemberName("failed")] Failed,

    /// <summary>The safety policy refused the action.</summary>
    [JsonStringEnumMemberName("blocked")] Blocked,

    [JsonStringEnumMemberName("skipped")] Skipped,
}

/// <summary>The on-disk names of <see cref="StepOutcome"/>, for text and HTML that show them.</summary>
public static class StepOutcomes
{
    public static string Name(this StepOutcome outcome) => outcome switch
    {
        StepOutcome.Ok => "ok",
        StepOutcome.Retry => "retry",
        StepOutcome.Failed => "failed",
        StepOutcome.Blocked => "blocked",
        StepOutcome.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "unknown step outcome"),
    };
}
