using VisualAgent.Actions;
using VisualAgent.Agent.Policy;
using VisualAgent.Drivers;
using VisualAgent.Grounding;
using VisualAgent.Planning;
using VisualAgent.Simulator;

namespace VisualAgent.Bench.Tasks.Oracle;

/// <summary>
/// SIMULATION ONLY. Makes the simulated server play a competent model for one task: before each call of the real
/// <paramref name="inner"/> planner (a <c>ModelPlanner</c> on a sim-&lt;dialect&gt; profile) it works out the next action
/// of the task's <paramref name="solution"/> — locating the target element through the driver (DOM ground truth, see
/// <see cref="PageTargetFinder"/>) in screenshot pixels of the current screenshot — and registers it with
/// <see cref="SimulatedServer.RegisterScript"/>. The real client then sends the real screenshot through the real
/// dialect (resize, prompt), the simulator answers in that dialect's grammar and coordinate space, and the real parser
/// maps the reply back: the whole model path runs; only the model's judgement is scripted. Runs it drives must be
/// labelled simulated (RunRequest.Simulated). A step of the solution that types a secret is handed to the loop as the
/// solution's own step (the suite author's text), never as a model reply: the agent resolves secrets only in text the user
/// wrote, and blocks a model that asks to type one.
/// </summary>
/// <param name="fallback">Grounds a target the DOM does not show (a button painted on a canvas), e.g. the OCR grounder.</param>
internal sealed class SimulatedOraclePlanner(
    IPlanner inner, SimulatedServer server, IBrowserDriver driver, IReadOnlyList<StepIntent> solution, IGrounder? fallback = null) : IPlanner
{
    private readonly OracleSteps _steps = new(driver, solution, fallback);

    public string Name => inner.Name;

    /// <summary>What the oracle could not play faithfully (no upload action, a target it could not find, ...).</summary>
    public IReadOnlyList<string> Notes => _steps.Notes;

    /// <summary>The actions registered so far, in order (screenshot pixels of the screenshot each was meant for).</summary>
    public IReadOnlyList<AgentAction> Scripted => _steps.Scripted;

    public async Task<PlannerDecision> DecideAsync(PlannerContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var action = await _steps.NextAsync(context.Screenshot, cancellationToken).ConfigureAwait(false);
        if (action is TypeAction type && SecretResolver.ContainsSecret(type.Text))
        {
            // The field was focused by the previous (model) action; the text is the solution's, typed as the user's step.
            return PlannerDecision.Of(new StepIntent(StepVerb.Type) { Value = type.Text, Submit = type.Submit, Source = $"type {type.Text}" });
        }

        server.RegisterScript([action], context.Screenshot.Size);
        return await inner.DecideAsync(context, cancellationToken).ConfigureAwait(false);
    }
}
