using VisualAgent.Bench.Reports;
using VisualAgent.Bench.Suites;


namespace VisualAgent.Bench.Runner;

/// <summary>What a finished `bench run` wrote: the summary and the files in the output folder.</summary>
public sealed record BenchRunResult(string OutDir, LoadedSuite Suite, BenchSummary Summary, IReadOnlyList<string> Files);
