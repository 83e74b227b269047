namespace VisualAgent.Bench.Tasks;

/// <summary>A malformed task entry: its 0-based index in "tasks", its id when it had one, and what is wrong.</summary>
internal sealed record TaskSuiteProblem(int Index, string? Id, string Message)
{
    public override string ToString() => $"task #{Index}{(Id is null ? "" : $" ('{Id}')")}: {Message}";
}
