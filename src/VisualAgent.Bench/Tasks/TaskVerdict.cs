using System.Text.Json.Serialization;

namespace VisualAgent.Bench.Tasks;

/// <summary>The agent's own verdict on a task (results "verdict"), apart from the app's truth (<see cref="TaskTruth"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TaskVerdict>))]
public enum TaskVerdict
{
    /// <summary>The run said succeeded: every step's check held and the last step ran.</summary>
    [JsonStringEnumMemberName("succeeded")] Succeeded,

    /// <summary>The run said failed (a check, a target, a bound).</summary>
    [JsonStringEnumMemberName("failed")] Failed,

    /// <summary>The safety policy refused a step.</summary>
    [JsonStringEnumMemberName("blocked")] Blocked,

    /// <summary>The instruction (or a step of it) could not be read exactly, so nothing (more) was done.</summary>
    [JsonStringEnumMemberName("refused")] Refused,

    /// <summary>The task could not be run or the run broke (setup, instruction_js, the model, the driver).</summary>
    [JsonStringEnumMemberName("error")] Error,

    /// <summary>Not run in this mode (--instructions solution and the task has no solution).</summary>
    [JsonStringEnumMemberName("not_run")] NotRun,
}
