using System.Text.Json.Serialization;

namespace VisualAgent.Bench.Tasks;

/// <summary>The app's truth about a task when the agent stopped: its success_js (results "truth").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TaskTruth>))]
public enum TaskTruth
{
    /// <summary>success_js was truthy.</summary>
    [JsonStringEnumMemberName("true")] True,

    /// <summary>success_js was falsy.</summary>
    [JsonStringEnumMemberName("false")] False,

    /// <summary>success_js threw, the page was gone, or the task never opened its page.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown,
}
