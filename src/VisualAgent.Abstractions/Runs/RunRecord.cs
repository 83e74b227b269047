using VisualAgent.Grounding;

namespace VisualAgent.Runs;

/// <summary>run.json: the goal, model profile, settings, outcome, timings and token counts of one run.</summary>
public sealed record RunRecord
{
    /// <summary>The run folder's format: 2 adds intent, check and grounding to each step line.</summary>
    public int Format { get; init; } = 2;

    public required string Id { get; init; }

    /// <summary>The instruction as given, secrets still written {{secret:NAME}}.</summary>
    public required string Goal { get; init; }

    public string? StartUrl { get; init; }

    public required string Model { get; init; }

    /// <summary>"web" or "desktop".</summary>
    public string Driver { get; init; } = "web";

    /// <summary>True when the model behind the run is the simulator: every figure of the run is simulated.</summary>
    public bool Simulated { get; init; }

    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public RunStatus Status { get; init; } = RunStatus.Running;

    /// <summary>Why the run did not succeed, as a kind (none when it did).</summary>
    public FailureCause Cause { get; init; }

    /// <summary>Why the run ended the way it did (one line).</summary>
    public string? Reason { get; init; }

    /// <summary>Steps whose check failed, and steps whose check was only weak (evidence for the verdict).</summary>
    public int FailedChecks { get; init; }

    public int WeakChecks { get; init; }

    public string? Summary { get; init; }

    public int Steps { get; init; }

    public int ModelCalls { get; init; }

    public TokenUsage Tokens { get; init; } = new(0, 0);

    /// <summary>What the run's model work cost, from the profile's price (tokens, and GPU time of model calls); null when the price is unknown.</summary>
    public double? Cost { get; init; }

    /// <summary>The budgets the run ran under (max_tokens_total, max_cost), when any.</summary>
    public IReadOnlyDictionary<string, double>? Budget { get; init; }

    public double DurationMs { get; init; }

    public string? Answer { get; init; }

    public IReadOnlyList<string> Downloads { get; init; } = [];

    /// <summary>The screen as the run ended ("shots/final.png"), when it could be captured.</summary>
    public string? FinalScreenshot { get; init; }

    /// <summary>
    /// The page's address as the run ended (web runs; null when it held a secret): scripts assert it when it differs
    /// from where the run started.
    /// </summary>
    public string? FinalUrl { get; init; }
}
