using System.Text.Json.Serialization;

namespace VisualAgent.Runs;

/// <summary>How a run ended (or that it is still running, or was interrupted before it could say).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunStatus>))]
public enum RunStatus
{
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("succeeded")] Succeeded,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("blocked")] Blocked,
}
