using Microsoft.Extensions.Logging;
using VisualAgent.Agent;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Drivers;
using VisualAgent.Grounding;

namespace VisualAgent.SemanticKernel;

/// <summary>What the Visual Agent plugin acts with: a browser, a grounder, where runs are recorded, and the safety policy.</summary>
public sealed record VisualAgentPluginOptions
{
    /// <summary>The browser the functions see and act on (the caller owns it).</summary>
    public required IBrowserDriver Driver { get; init; }

    /// <summary>Places described targets for <c>ground</c> (and, with <see cref="GroundThroughElements"/> false, for every action).</summary>
    public required IGrounder Grounder { get; init; }

    /// <summary>Where each action's run folder goes (run.json, steps.jsonl, screenshots: every step is recorded).</summary>
    public required RunStore Store { get; init; }

    /// <summary>Ground through the page's elements first (the offline default); false = the grounder alone (a model, or pixels).</summary>
    public bool GroundThroughElements { get; init; } = true;

    /// <summary>The safety policy's settings (allowed origins, risky words); null = defaults.</summary>
    public PolicyOptions? Policy { get; init; }

    /// <summary>Asks about risky steps; null = deny them (a plugin has no terminal to ask at).</summary>
    public IConfirmationPrompt? Prompt { get; init; }

    /// <summary>The secrets the user declared; null = none (a model's text can never choose one).</summary>
    public SecretResolver? Secrets { get; init; }

    /// <summary>Loop bounds of each action and of run_task; null = defaults.</summary>
    public AgentOptions? Options { get; init; }

    /// <summary>The model name written into run.json.</summary>
    public string ModelName { get; init; } = "semantic-kernel";

    public ILogger<AgentRunner>? Logger { get; init; }
}
