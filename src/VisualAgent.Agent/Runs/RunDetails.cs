using VisualAgent.Runs;

namespace VisualAgent.Agent.Runs;

/// <summary>A run as read from its folder: run.json and every complete line of steps.jsonl.</summary>
public sealed record RunDetails(string Folder, RunRecord Run, IReadOnlyList<StepRecord> Steps);
