using Microsoft.Extensions.Logging;
using VisualAgent.Agent;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Drivers;
using VisualAgent.Grounding;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Hosting;

/// <summary>What one agent run is made of; <see cref="AgentFactory.Create"/> adds the imaging services.</summary>
public sealed record AgentSetup
{
    /// <summary>The browser or desktop the run acts on (the caller owns and disposes it).</summary>
    public required IUiDriver Driver { get; init; }

    public required IPlanner Planner { get; init; }

    public required IGrounder Grounder { get; init; }

    /// <summary>Where the run folder goes.</summary>
    public required RunStore Store { get; init; }

    /// <summary>Loop bounds; null = <see cref="AgentOptions"/> defaults.</summary>
    public AgentOptions? Options { get; init; }

    /// <summary>The safety policy's settings; null = <see cref="PolicyOptions"/> defaults.</summary>
    public PolicyOptions? Policy { get; init; }

    /// <summary>Asks about risky steps; null = deny them without asking.</summary>
    public IConfirmationPrompt? Prompt { get; init; }

    /// <summary>Resolves the secrets the user declared; null = any {{secret:NAME}} in the user's steps, from the environment.</summary>
    public SecretResolver? Secrets { get; init; }

    /// <summary>Called after each step is on disk (progress display).</summary>
    public Action<StepRecord>? StepRecorded { get; init; }

    /// <summary>Called once the run folder exists, with the run's id.</summary>
    public Action<string>? RunCreated { get; init; }

    /// <summary>Pauses between steps on request; null = never.</summary>
    public IPauseController? Pause { get; init; }

    public ILogger<AgentRunner>? Logger { get; init; }
}
