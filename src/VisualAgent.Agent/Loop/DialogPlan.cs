using VisualAgent.Agent.Offline;
using VisualAgent.Planning;

namespace VisualAgent.Agent;

/// <summary>The plan's answer to a native dialog: accept (with the prompt's text) or dismiss.</summary>
internal sealed record DialogAnswer(bool Accept, string? Text);

/// <summary>
/// Answers to native dialogs that come from the plan's steps (<see cref="DialogTarget"/>): an answer given before
/// the dialog opened is remembered for the next one; when a step opens a dialog, the dialog steps that follow it are
/// read ahead, used at once (again if the step is retried and the dialog opens again), and counted so that they do
/// nothing when their turn comes.
/// </summary>
internal sealed class DialogPlan(IStepPreview? preview)
{
    private DialogAnswer? _remembered;
    private DialogAnswer? _ahead;

    /// <summary>Upcoming dialog steps already carried out by answering a dialog when it opened.</summary>
    public int AnsweredAhead { get; private set; }

    /// <summary>The answer for a dialog that just opened: the remembered one, else the dialog steps coming next; null when the plan has none.</summary>
    public DialogAnswer? TakeForOpenedDialog() => TakeRemembered() ?? (AnsweredAhead > 0 ? _ahead : ReadAhead([]));

    /// <summary>The answer for a pending dialog from this dialog step and the dialog steps right after it.</summary>
    public DialogAnswer ForPendingDialog(StepIntent current) => ReadAhead([current])!;

    /// <summary>True (and counts it off) when this dialog step was already carried out when its dialog opened.</summary>
    public bool TryConsumeAnsweredAhead()
    {
        if (AnsweredAhead == 0)
        {
            return false;
        }

        AnsweredAhead--;
        return true;
    }

    /// <summary>A dialog step with no dialog open: keep its answer for the next dialog.</summary>
    public void Remember(StepIntent step) => _remembered = Fold(_remembered, step);

    private DialogAnswer? TakeRemembered()
    {
        var answer = _remembered;
        _remembered = null;
        return answer;
    }

    private DialogAnswer? ReadAhead(List<StepIntent> steps)
    {
        var upcoming = preview?.Upcoming ?? [];
        var count = 0;
        for (var i = AnsweredAhead; i < upcoming.Count && DialogTarget.Answers(upcoming[i]); i++)
        {
            steps.Add(upcoming[i]);
            count++;
        }

        AnsweredAhead += count;
        _ahead = steps.Aggregate((DialogAnswer?)null, Fold);
        return _ahead;
    }

    /// <summary>Typing answers a prompt and accepts it; a button accepts or dismisses; the last button wins.</summary>
    private static DialogAnswer Fold(DialogAnswer? answer, StepIntent step) => step.Verb == StepVerb.Type
        ? new DialogAnswer(true, step.Value)
        : new DialogAnswer(DialogTarget.Accepts(step.Value) ?? true, answer?.Text);
}
