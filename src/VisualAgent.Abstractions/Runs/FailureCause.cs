using System.Text.Json.Serialization;

namespace VisualAgent.Runs;

/// <summary>Why a run did not succeed, as a kind (run.json "cause"; the reason says it in words).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FailureCause>))]
public enum FailureCause
{
    /// <summary>The run succeeded, or is still running.</summary>
    [JsonStringEnumMemberName("none")] None,

    /// <summary>A target was not on the screen (nor found by scrolling).</summary>
    [JsonStringEnumMemberName("not_found")] NotFound,

    /// <summary>The point would reach a different element than the target (covered, or pixels pointing elsewhere).</summary>
    [JsonStringEnumMemberName("wrong_element")] WrongElement,

    /// <summary>A step acted but its check did not hold (the intended effect was not observed).</summary>
    [JsonStringEnumMemberName("check_failed")] CheckFailed,

    /// <summary>The safety policy refused a step.</summary>
    [JsonStringEnumMemberName("policy")] Policy,

    /// <summary>A step could not be read exactly (an ambiguous target, a phrase the grammar does not know).</summary>
    [JsonStringEnumMemberName("refused")] Refused,

    /// <summary>A bound on steps, model calls or wall time was reached.</summary>
    [JsonStringEnumMemberName("limit")] Limit,

    /// <summary>A token or cost budget (--max-tokens-total, --max-cost) was used up.</summary>
    [JsonStringEnumMemberName("budget")] Budget,

    /// <summary>The same action on an unchanged screen, again after a re-plan told the planner so.</summary>
    [JsonStringEnumMemberName("no_progress")] NoProgress,

    /// <summary>Ctrl-C or a signal stopped the run.</summary>
    [JsonStringEnumMemberName("interrupted")] Interrupted,

    /// <summary>Anything else: the driver, the model, the page.</summary>
    [JsonStringEnumMemberName("error")] Error,
}
