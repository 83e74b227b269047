namespace VisualAgent.Codegen.Verification;

/// <summary>A generated script run against the live app: passed, or the recorded step it failed at and what it said.</summary>
public sealed record VerifyResult(bool Passed, int? FailedStep, string? FailedStepDescription, string Output, TimeSpan Elapsed)
{
    /// <summary>
    /// The script's own steps, from its "step 1" line to its "PASSED" line as they arrived (no process start, build or
    /// browser launch); null when it did not pass.
    /// </summary>
    public TimeSpan? StepsElapsed { get; init; }

    /// <summary>The last lines of the script's output (the error), for a report.</summary>
    public string Tail(int lines = 12) => string.Join('\n', Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));
}
