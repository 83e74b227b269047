namespace VisualAgent.Codegen.Verification;

/// <summary>A generated script run against the live app: passed, or the recorded step it failed at and what it said.</summary>
public sealed record VerifyResult(bool Passed, int? FailedStep, string? FailedStepDescription, string Output, TimeSpan Elapsed)
{
    /// <summary>The last lines of the script's output (the error), for a report.</summary>
    public string Tail(int lines = 12) => string.Join('\n', Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));
}
