using System.Text.Json;
using VisualAgent.Actions;
using VisualAgent.Runs;

namespace VisualAgent.Agent.Runs;

/// <summary>How run files are written: the action contract's JSON options (snake_case, nulls omitted).</summary>
public static class RunJson
{
    /// <summary>One line per step in steps.jsonl.</summary>
    public static JsonSerializerOptions Compact => ActionJson.Options;

    /// <summary>run.json, indented for people.</summary>
    public static JsonSerializerOptions Indented => ActionJson.Indented;

    public static string SerializeRun(RunRecord run) => JsonSerializer.Serialize(run, Indented);

    public static string SerializeStep(StepRecord step) => JsonSerializer.Serialize(step, Compact);

    public static RunRecord? DeserializeRun(string json) => JsonSerializer.Deserialize<RunRecord>(json, Compact);

    public static StepRecord? DeserializeStep(string json) => JsonSerializer.Deserialize<StepRecord>(json, Compact);
}
