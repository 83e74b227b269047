using System.Text.Json.Serialization;

namespace VisualAgent.Bench.Reports;

/// <summary>How one model's part of a bench run went; summary.json writes the names below ("status").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ModelRunStatus>))]
public enum ModelRunStatus
{
    /// <summary>Every pending sample ran.</summary>
    [JsonStringEnumMemberName("ok")] Ok,

    /// <summary>Ran, but samples are left (a later run with the same --out resumes them).</summary>
    [JsonStringEnumMemberName("incomplete")] Incomplete,

    /// <summary>Every sample failed (bad input aside): the command exits non-zero.</summary>
    [JsonStringEnumMemberName("failed")] Failed,

    /// <summary>The endpoint did not answer (before or during the run); the other models went on.</summary>
    [JsonStringEnumMemberName("unreachable")] Unreachable,

    /// <summary>The model cannot do this suite's kind (reported, not scored 0).</summary>
    [JsonStringEnumMemberName("not_supported")] NotSupported,
}
