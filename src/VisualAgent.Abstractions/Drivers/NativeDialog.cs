namespace VisualAgent.Drivers;

/// <summary>Kinds of native dialogs a page can open.</summary>
public enum NativeDialogKind
{
    Alert,
    Confirm,
    Prompt,
    BeforeUnload,
}

/// <summary>
/// A native dialog (alert, confirm, prompt, beforeunload) that blocks the page until answered. The agent answers it
/// from the plan or the policy; the driver dismisses it after its dialog timeout so it never hangs.
/// </summary>
public sealed record NativeDialog(NativeDialogKind Kind, string Message, string? DefaultValue);
