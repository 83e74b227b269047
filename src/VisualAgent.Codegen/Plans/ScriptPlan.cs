namespace VisualAgent.Codegen.Plans;

/// <summary>A recorded run as a target-neutral script: where it starts, its steps, and what to say about gaps.</summary>
public sealed record ScriptPlan
{
    public required string RunId { get; init; }

    public required string Goal { get; init; }

    /// <summary>The base URL scripts read from BASE_URL, defaulting to this (the samples server's URL when the run used it).</summary>
    public string? BaseUrl { get; init; }

    /// <summary>True when the run used the bundled samples server (verification starts one).</summary>
    public bool UsesSamples { get; init; }

    /// <summary>The first page, relative to <see cref="BaseUrl"/> when <see cref="StartRelative"/>.</summary>
    public string? StartUrl { get; init; }

    public bool StartRelative { get; init; }

    /// <summary>
    /// The page the run ended on, when it is not the one it started on (relative to <see cref="BaseUrl"/> when
    /// <see cref="FinalRelative"/>, query kept): scripts assert it. Null for a run exported up to a failure.
    /// </summary>
    public string? FinalUrl { get; init; }

    public bool FinalRelative { get; init; }

    public int ViewportWidth { get; init; } = 1280;

    public int ViewportHeight { get; init; } = 720;

    public required IReadOnlyList<ScriptStep> Steps { get; init; }

    /// <summary>Environment variables the script needs (secrets), in order of first use.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>Said at the top of the script and by the CLI: a failed run cut short, coordinates instead of locators.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>True for a run recorded on the desktop (run --desktop): only the desktop target exports it.</summary>
    public bool Desktop { get; init; }

    /// <summary>Desktop runs: the command the run launched (run --desktop --launch), null when it launched none.</summary>
    public string? Launch { get; init; }

    /// <summary>Desktop runs: what the launched app printed in the recorded run (app-output.txt), null when not kept.</summary>
    public string? AppOutput { get; init; }

    /// <summary>For a run that failed: the step it failed at and why (the script ends there, with this as a comment).</summary>
    public string? StoppedAt { get; init; }
}
