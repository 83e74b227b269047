using VisualAgent.Actions;
using VisualAgent.Agent.Policy;
using VisualAgent.Planning;

namespace VisualAgent.Agent;

/// <summary>
/// Carries out an action a model already grounded (one-call dialects): the policy sees the element at its point, and
/// typed text is the model's, never resolved: a {{secret:NAME}} in it blocks the step.
/// </summary>
internal sealed class ActionExecutor(RunContext run, Actor actor)
{
    public async Task ExecuteAsync(AgentAction action, StepTrace trace, CancellationToken cancellationToken)
    {
        trace.Action = action;
        var before = run.Current ?? await run.CaptureAsync(cancellationToken).ConfigureAwait(false);
        foreach (var one in Flatten(action))
        {
            await ExecuteOneAsync(one, trace, cancellationToken).ConfigureAwait(false);
        }

        await run.SettleAsync(cancellationToken).ConfigureAwait(false);
        var after = await run.CaptureAsync(cancellationToken).ConfigureAwait(false);
        trace.ScreenChange = run.ScreenChange.Change(before.Png, after.Png);
    }

    private async Task ExecuteOneAsync(AgentAction action, StepTrace trace, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case TypeAction type:
                // Issue 17: a model's text is typed as it stands, never resolved; a secret reference in it blocks the step.
                SecretResolver.RefuseInModelText(type.Text);
                await actor.EnforceAsync(actor.Check(new StepIntent(StepVerb.Type) { Value = type.Text }, null), trace, cancellationToken).ConfigureAwait(false);
                await actor.ActAsync(type, trace, cancellationToken).ConfigureAwait(false);
                return;
            case ClickAction or SelectAction or LongPressAction or DragAction when action.Target is { } point:
                trace.Element = await actor.ElementAtAsync(point, trace, cancellationToken).ConfigureAwait(false);
                var verb = action is SelectAction ? StepVerb.Select : StepVerb.Click;
                await actor.EnforceAsync(actor.Check(new StepIntent(verb), trace.Element), trace, cancellationToken).ConfigureAwait(false);
                break;
        }

        await actor.ActAsync(action with { Then = null }, trace, cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<AgentAction> Flatten(AgentAction action)
    {
        yield return action;
        foreach (var next in action.Then ?? [])
        {
            foreach (var inner in Flatten(next))
            {
                yield return inner;
            }
        }
    }

    /// <summary>True when the typed text of the action refers to a secret (for screenshot masking).</summary>
    public static bool TypesSecret(AgentAction action) => Flatten(action).OfType<TypeAction>().Any(t => SecretResolver.ContainsSecret(t.Text));
}
