using VisualAgent.Actions;
using VisualAgent.Drivers;
using VisualAgent.Grounding;
using VisualAgent.Planning;

namespace VisualAgent.Bench.Tasks.Oracle;

/// <summary>
/// Turns a solution (offline-grammar steps) into the actions a competent model would answer, one per model call:
/// a type-into-field step is a click on the field (a triple click when it holds text) then a type; select is a select
/// at the list's centre; press is a key; verify is a wait while its text is not on the page (nothing once it is); wait is a wait; an off-screen target first gets a scroll; after
/// the last step, done. Dialog steps are skipped when no dialog is open (the agent's policy already answered it).
/// </summary>
internal sealed partial class OracleSteps(IBrowserDriver driver, IReadOnlyList<StepIntent> solution, IGrounder? fallback)
{
    /// <summary>Scrolls or waits the oracle spends on one step before it gives up on finding its target.</summary>
    public const int MaxTriesPerStep = 6;

    /// <summary>Waits the oracle spends on a verify step whose text is not (yet) on the page.</summary>
    public const int MaxVerifyWaits = 3;

    private readonly Queue<AgentAction> _pending = new();
    private readonly List<string> _notes = [];
    private readonly List<AgentAction> _scripted = [];
    private int _next;
    private int _tries;

    public IReadOnlyList<string> Notes => _notes;

    public IReadOnlyList<AgentAction> Scripted => _scripted;

    public async Task<AgentAction> NextAsync(Screenshot shot, CancellationToken cancellationToken)
    {
        var action = await ComputeAsync(shot, cancellationToken).ConfigureAwait(false);
        _scripted.Add(action);
        return action;
    }

    private async Task<AgentAction> ComputeAsync(Screenshot shot, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_pending.TryDequeue(out var queued))
            {
                return queued;
            }

            if (_next >= solution.Count)
            {
                return new DoneAction(DoneStatus.Success);
            }

            var step = solution[_next];
            var (actions, advance) = await ExpandAsync(step, shot, cancellationToken).ConfigureAwait(false);
            if (advance)
            {
                _next++;
                _tries = 0;
            }
            else if (++_tries > MaxTriesPerStep)
            {
                var why = $"the simulated model could not find the target of \"{step.Source}\"";
                _notes.Add(why);
                _next = solution.Count;
                return new DoneAction(DoneStatus.Failure, why);
            }

            foreach (var a in actions)
            {
                _pending.Enqueue(a);
            }
        }
    }

    private void Note(string note) => _notes.Add(note);
}
