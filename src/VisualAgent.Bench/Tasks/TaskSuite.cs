namespace VisualAgent.Bench.Tasks;

/// <summary>A loaded task suite: its tasks in file order, and the malformed entries that were skipped.</summary>
internal sealed record TaskSuite(string Name, string? Path, IReadOnlyList<BenchTask> Tasks)
{
    /// <summary>Entries that could not be read (skipped), each naming its index in the file.</summary>
    public IReadOnlyList<TaskSuiteProblem> Problems { get; init; } = [];

    /// <summary>True when any task needs the samples server.</summary>
    public bool UsesSamples => Tasks.Any(t => t.UsesSamples);

    public BenchTask this[string id] =>
        Tasks.FirstOrDefault(t => t.Id == id) ?? throw new KeyNotFoundException($"Suite '{Name}' has no task '{id}'.");
}
