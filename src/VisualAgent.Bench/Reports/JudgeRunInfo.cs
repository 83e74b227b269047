namespace VisualAgent.Bench.Reports;

/// <summary>The caption judge of a run (--judge): its profile, whether it is simulated, and why judging stopped (or null).</summary>
internal sealed record JudgeRunInfo(string Profile, bool Simulated, string? Message);
