using VisualAgent.Errors;

namespace VisualAgent.Agent;

/// <summary>Bounds and habits of the agent loop (appsettings.json section "Agent"). Every loop has a bound.</summary>
public sealed record AgentOptions
{
    /// <summary>Steps a run may take before it ends as failed. Default 40.</summary>
    public int MaxSteps { get; init; } = 40;

    /// <summary>Wall time a run may take before it ends as failed. Default 10 minutes.</summary>
    public TimeSpan MaxWallTime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Model calls (planner and grounder calls that reached a model) a run may make. Default 200.</summary>
    public int MaxModelCalls { get; init; } = 200;

    /// <summary>Failed steps in a row before the run ends, when <see cref="ContinueAfterFailedStep"/>. Default 3.</summary>
    public int MaxConsecutiveFailures { get; init; } = 3;

    /// <summary>
    /// A failed step does not end the run; the planner decides again (model planners). Default false: the offline
    /// planner's steps depend on each other, so the first failed step ends the run.
    /// </summary>
    public bool ContinueAfterFailedStep { get; init; }

    /// <summary>Extra attempts of one step (re-grounding on a fresh screenshot) when it failed or changed nothing. Default 2.</summary>
    public int StepRetries { get; init; } = 2;

    /// <summary>When a target is not on screen: scroll down a screen at a time, then back up, grounding each time. Default true.</summary>
    public bool ScrollToFind { get; init; } = true;

    /// <summary>Screens to scroll in each direction when looking for a target. Default 4.</summary>
    public int MaxScrollsToFind { get; init; } = 4;

    /// <summary>Fraction of the screen height one scroll-to-find step moves. Default 0.8.</summary>
    public double ScrollFraction { get; init; } = 0.8;

    /// <summary>Pause after each action before the screen is captured again (the driver settles itself too). Default 0.</summary>
    public TimeSpan SettleAfterAction { get; init; } = TimeSpan.Zero;

    /// <summary>Pause before a retry of a step. Default 400 ms.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>How long "wait for TEXT" and "wait for the download" wait. Default 15 s.</summary>
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How often "wait for ..." looks again. Default 500 ms.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A step whose screen did not change after all its attempts fails (else it passes with a warning). Default false.</summary>
    public bool FailWhenScreenUnchanged { get; init; }

    /// <summary>At most this many elements are read from a screen for grounding (a page with more is cut, and says so). Default 4000.</summary>
    public int MaxElements { get; init; } = 4000;

    /// <summary>Tokens (prompt, image and completion) a run may use before it stops cleanly; null = no bound (the default).</summary>
    public long? MaxTokensTotal { get; init; }

    /// <summary>What a run may cost, in the model profile's price currency (its Price), before it stops cleanly; null = no bound (the default).</summary>
    public double? MaxCost { get; init; }

    /// <summary>
    /// The same action on an unchanged screen this many times in a row: the planner is told so once (a re-plan with that
    /// fact in its history); the next such repeat ends the run (cause no_progress). Default 3.
    /// </summary>
    public int NoProgressRepeats { get; init; } = 3;

    /// <summary>Throws <see cref="UsageException"/> when a bound is out of range.</summary>
    public void Validate()
    {
        Require(MaxSteps is >= 1 and <= 10_000, "Agent:MaxSteps must be 1..10000");
        Require(MaxWallTime > TimeSpan.Zero, "Agent:MaxWallTime must be positive");
        Require(MaxModelCalls >= 1, "Agent:MaxModelCalls must be at least 1");
        Require(MaxConsecutiveFailures >= 1, "Agent:MaxConsecutiveFailures must be at least 1");
        Require(StepRetries is >= 0 and <= 10, "Agent:StepRetries must be 0..10");
        Require(MaxScrollsToFind is >= 0 and <= 50, "Agent:MaxScrollsToFind must be 0..50");
        Require(ScrollFraction is > 0 and <= 1, "Agent:ScrollFraction must be in (0, 1]");
        Require(SettleAfterAction >= TimeSpan.Zero && RetryDelay >= TimeSpan.Zero, "Agent:SettleAfterAction and RetryDelay must not be negative");
        Require(WaitTimeout > TimeSpan.Zero && PollInterval > TimeSpan.Zero, "Agent:WaitTimeout and PollInterval must be positive");
        Require(MaxElements is >= 50 and <= 100_000, "Agent:MaxElements must be 50..100000");
        Require(MaxTokensTotal is null or >= 1, "Agent:MaxTokensTotal (--max-tokens-total) must be at least 1");
        Require(MaxCost is null || (MaxCost > 0 && double.IsFinite(MaxCost.Value)), "Agent:MaxCost (--max-cost) must be a positive number");
        Require(NoProgressRepeats is >= 2 and <= 100, "Agent:NoProgressRepeats must be 2..100");
    }

    private static void Require(bool ok, string message)
    {
        if (!ok)
        {
            throw new UsageException(message + ".");
        }
    }
}
