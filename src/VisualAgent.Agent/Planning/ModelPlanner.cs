using VisualAgent.Actions;
using VisualAgent.Models.Client;
using VisualAgent.Models.Dialects;
using VisualAgent.Planning;

namespace VisualAgent.Agent.Planning;

/// <summary>
/// A model that decides and grounds in one call (Qwen3-VL / UI-TARS computer use): the goal, the history and the
/// screenshot go in, one action in screenshot pixels comes out. Page text reaches the model only inside the screenshot
/// and the quoted history: the goal is the user's, never the page's.
/// </summary>
public sealed class ModelPlanner(VlmSession session, string profileName) : IPlanner
{
    public string Name => profileName;

    public async Task<PlannerDecision> DecideAsync(PlannerContext context, CancellationToken cancellationToken = default)
    {
        var task = new ModelTask(ModelTaskKind.NextAction, context.Goal) { History = context.History };
        var result = await session.SendAsync(task, context.Screenshot, cancellationToken).ConfigureAwait(false);
        // The caller refuses next-action replies without an action (prose, a refusal); never read one as success.
        var action = result.Reply.Action ?? new DoneAction(DoneStatus.Failure, "The model gave no action.");
        return PlannerDecision.Of(action, result.Raw) with
        {
            SentSize = result.SentSize,
            Usage = result.Usage,
            Latency = result.Latency,
        };
    }
}
