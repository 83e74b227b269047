using VisualAgent.Planning;

namespace VisualAgent.Agent.Offline;

/// <summary>
/// The convention for steps that answer a native dialog (alert, confirm, prompt): <see cref="StepIntent.Target"/> is
/// <see cref="Name"/>; a click's <see cref="StepIntent.Value"/> names the button ("OK" accepts, "Cancel" dismisses) and a
/// type step's value is the prompt's answer. The executor answers the pending dialog, or the next one that opens.
/// </summary>
public static class DialogTarget
{
    public const string Name = "the dialog";

    private static readonly HashSet<string> AcceptWords = new(StringComparer.OrdinalIgnoreCase) { "ok", "okay", "yes", "accept", "confirm", "leave", "continue" };

    private static readonly HashSet<string> DismissWords = new(StringComparer.OrdinalIgnoreCase) { "cancel", "no", "dismiss", "close", "stay" };

    /// <summary>True for a step that answers a dialog.</summary>
    public static bool Answers(StepIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return intent.Verb is StepVerb.Click or StepVerb.Type && string.Equals(intent.Target, Name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True for a button that accepts ("OK"), false for one that dismisses ("Cancel"), null for any other text.</summary>
    public static bool? Accepts(string? button)
    {
        var b = (button ?? "").Trim().Trim('"', '.');
        return AcceptWords.Contains(b) ? true : DismissWords.Contains(b) ? false : null;
    }

    /// <summary>An intent that clicks the dialog's button.</summary>
    public static StepIntent Click(string button) => new(StepVerb.Click) { Target = Name, Value = button };

    /// <summary>An intent that types the prompt's answer.</summary>
    public static StepIntent Type(string text) => new(StepVerb.Type) { Target = Name, Value = text };
}
