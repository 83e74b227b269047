using VisualAgent.Drivers;

namespace VisualAgent.Codegen.Replay;

/// <summary>
/// Did a replayed click have its effect, judged as a run judges it: a link or submit control opens a page (or at least
/// changes this one), an element with a state (checked, pressed, expanded, selected) changes it, anything else makes the
/// page react. Null when it held, else what was seen instead.
/// </summary>
internal static class ClickCheck
{
    private static readonly HashSet<string> PopupItems = ["menuitem", "menuitemcheckbox", "menuitemradio", "option"];

    /// <param name="settled">
    /// False right after a light settle: a link or submit control then holds only when a page opened (a change of this
    /// one may still be followed by a navigation, and the caller settles fully and asks again).
    /// </param>
    public static string? Failure(UiElement before, UiElement? after, ActivityDelta? delta, ActionOutcome outcome, bool settled = true)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(outcome);
        var opened = outcome.Downloads.Count > 0 || outcome.SwitchedPage || outcome.Dialog is not null
            || (delta is not null && (delta.NewDocument || delta.LocationChanged || delta.Navigations > 0 || delta.Pages > 0 || delta.Dialogs > 0 || delta.Downloads > 0));
        if (delta is null || delta.Unknown)
        {
            // The page cannot say what it did (a driver with no activity counters): nothing is claimed beyond the click.
            return null;
        }

        var reacted = opened || delta.Any;
        if (before.Role == "link" || before.States.Submits)
        {
            return opened || (settled && (delta.Mutations > 0 || after is null)) ? null : "it opened no page and the page did not change";
        }

        if (after is null)
        {
            return null; // it went away: a pop-up item chosen, or the element reacted by leaving
        }

        var b = before.States;
        var a = after.States;
        if (b.Checked is { } wasChecked && a.Checked is { } isChecked)
        {
            return before.Role is "radio" or "menuitemradio"
                ? (isChecked ? null : "it is not checked")
                : (isChecked != wasChecked || a.Mixed != b.Mixed ? null : $"it is still {(isChecked ? "checked" : "unchecked")}");
        }

        if (b.Pressed is { } wasPressed)
        {
            return a.Pressed != wasPressed ? null : $"it is still {(wasPressed ? "pressed" : "not pressed")}";
        }

        if (b.Expanded is { } wasExpanded && a.Expanded == wasExpanded && !(b.Selected != true && a.Selected == true))
        {
            return $"it is still {(wasExpanded ? "expanded" : "collapsed")}";
        }

        if (b.Selected is not null && b.Expanded is null && a.Selected != true)
        {
            return "it is not selected";
        }

        return reacted || PopupItems.Contains(before.Role) ? null : "the page did not react";
    }
}
