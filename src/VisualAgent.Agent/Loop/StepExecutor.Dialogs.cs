using VisualAgent.Agent.Offline;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Agent;

/// <summary>Steps that answer a native dialog ("click OK in the dialog", "type Bob into the dialog").</summary>
internal sealed partial class StepExecutor
{
    /// <summary>
    /// Answers the pending dialog (with the dialog steps right after this one), or does nothing when the dialog was
    /// answered as it opened, or remembers the answer for the next dialog. Never expects the screen to change: the
    /// check is the dialog's answer itself.
    /// </summary>
    private async Task<bool> AnswerDialogAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        const string expected = "the dialog answered";
        if (run.Dialogs.TryConsumeAnsweredAhead())
        {
            trace.Notes.Add("done when the dialog opened");
            trace.Probe.Decided = new StepCheck(expected, "answered as it opened", CheckStrength.Strong, true);
            return false;
        }

        if (run.NativeDialogs?.PendingDialog is { } pending)
        {
            await _actor.AnswerDialogAsync(pending, trace, cancellationToken, run.Dialogs.ForPendingDialog(intent)).ConfigureAwait(false);
            trace.Probe.Decided = new StepCheck(expected, run.NativeDialogs.PendingDialog == pending ? "it is still open" : "answered", CheckStrength.Strong, run.NativeDialogs.PendingDialog != pending);
            return false;
        }

        run.Dialogs.Remember(intent);
        trace.Notes.Add("no dialog is open: the answer is kept for the next dialog");
        trace.Probe.Decided = new StepCheck("an answer for the next dialog", "kept", CheckStrength.None, true);
        return false;
    }
}
