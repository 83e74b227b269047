namespace VisualAgent.Bench.Suites;

/// <summary>A suite as loaded: its name, kind, file, the valid samples in file order and the entries skipped.</summary>
public sealed record LoadedSuite(string Name, SuiteKind Kind, string Path, IReadOnlyList<BenchSample> Samples, IReadOnlyList<SuiteIssue> Issues);
