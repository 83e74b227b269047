using VisualAgent.Agent.Offline;
using VisualAgent.Planning;

namespace VisualAgent.Agent;

/// <summary>Steps that answer a native dialog ("click OK in the dialog", "type Bob into the dialog").</summary>
internal sealed partial class StepExecutor
{
    /// <summary>
    /// Answers the pending dialog (with the dialog steps right after this one), or does nothing when the dialog was
    /// answered as it opened, or remembers the answer for the next dialog. Never expects the screen to change.
    /// </summary>
    private async Task<bool> AnswerDialogAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        if (run.Dialogs.TryConsumeAnsweredAhead())
        {
            trace.Notes.Add("done when the dialog opened");
            return false;
        }

        if (run.NativeDialogs?.PendingDialog is { } pending)
        {
            await _actor.AnswerDialogAsync(pending, trace, cancellationToken, run.Dialogs.ForPendingDialog(intent)).ConfigureAwait(false);
            return false;
        }

        run.Dialogs.Remember(intent);
        trace.Notes.Add("no dialog is open: the answer is kept for the next dialog");
        return false;
    }
}
