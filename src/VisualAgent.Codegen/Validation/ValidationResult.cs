namespace VisualAgent.Codegen.Validation;

/// <summary>What a compiler said about a script: passed, or the errors (file:line: message); and how long it took.</summary>
public sealed record ValidationResult(bool Passed, string Tool, IReadOnlyList<string> Errors, TimeSpan Elapsed)
{
    /// <summary>The tool is not installed here: nothing was checked (never reported as passed).</summary>
    public bool Skipped { get; init; }

    public override string ToString() =>
        Skipped ? $"not checked: {string.Join("; ", Errors)}"
        : Passed ? $"{Tool}: ok ({Elapsed.TotalMilliseconds:0} ms)"
        : $"{Tool}: {Errors.Count} error(s)\n  " + string.Join("\n  ", Errors.Take(20));
}
