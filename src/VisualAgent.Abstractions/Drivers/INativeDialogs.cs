namespace VisualAgent.Drivers;

/// <summary>Capability: native dialogs (alert, confirm, prompt, beforeunload) that block the screen until answered.</summary>
public interface INativeDialogs
{
    /// <summary>The dialog waiting for an answer, if any.</summary>
    NativeDialog? PendingDialog { get; }

    /// <summary>Answers the pending dialog: accept (with text for a prompt) or dismiss.</summary>
    Task AnswerDialogAsync(bool accept, string? promptText = null, CancellationToken cancellationToken = default);
}
