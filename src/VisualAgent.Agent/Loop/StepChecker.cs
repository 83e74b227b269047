using VisualAgent.Drivers;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Agent;

/// <summary>
/// Decides whether a step had its intended effect, from what the screen offers (element states and values, activity
/// counters, pixels), whichever grounder placed the step:
/// check/uncheck -> the checked state; a click on an element with state -> that state changed as the verb implies;
/// a link or submit control -> the page navigated (or a dialog or page opened); type -> the field's value; select ->
/// the option selected; any other click -> the page reacted (weak). A pixel change alone is weak evidence.
/// </summary>
internal sealed class StepChecker(RunContext run)
{
    private static readonly HashSet<string> PopupItems = ["menuitem", "menuitemcheckbox", "menuitemradio", "option"];

    /// <summary>The check, and what the screen did; null when the driver offers nothing to check with (pixels-only).</summary>
    public async Task<(StepCheck Check, ActivityDelta? Delta)?> CheckAsync(StepIntent intent, StepProbe probe, double? pixelChange, CancellationToken cancellationToken)
    {
        ActivityDelta? delta = null;
        if (probe.Mark is { } mark && run.Activity is { } activity)
        {
            delta = (await activity.MarkAsync(cancellationToken).ConfigureAwait(false)).Since(mark);
        }

        if (probe.Decided is { } decided)
        {
            return (decided, delta);
        }

        if (probe.AlreadyDone)
        {
            return (new StepCheck(Expected(intent, probe), "it already was", CheckStrength.Strong, true), delta);
        }

        var before = probe.Element;
        if (before is null && delta is null)
        {
            return null;
        }

        UiElement? after = null;
        if (before is not null && run.Elements is { } elements)
        {
            after = await elements.RefreshAsync(before.Ref, cancellationToken).ConfigureAwait(false);
        }

        // With DOM activity at hand, pixels alone (a focus ring, a pressed style) are no reaction, except where the page
        // is pixels itself (a canvas, an image, an SVG drawing, an unreadable frame).
        var pixelsCount = delta is null || delta.Mutations < 0 || before?.Tag is "canvas" or "img" or "svg" or "iframe" or "video";
        var reacted = delta?.Any == true || (pixelsCount && pixelChange > 0);
        var activityText = delta?.ToString() ?? (pixelChange > 0 ? "the screen changed" : "the screen did not change");
        var check = intent.Verb switch
        {
            StepVerb.Type when before is not null => Value(probe, after),
            StepVerb.Check or StepVerb.Uncheck when before is not null => Checked(probe, after),
            StepVerb.Select when before is not null && probe.ExpectOption is not null => Selected(probe, after),
            StepVerb.Select when probe.Widget is not null => await ChosenAsync(probe, cancellationToken).ConfigureAwait(false),
            StepVerb.Select when before is not null => Click(before, after, delta, reacted, activityText),
            StepVerb.Click when before is not null => Click(before, after, delta, reacted, activityText),
            StepVerb.Click or StepVerb.DoubleClick or StepVerb.RightClick or StepVerb.Type or StepVerb.Select or StepVerb.Check or StepVerb.Uncheck
                => new StepCheck("the page to react", activityText, CheckStrength.Weak, reacted),
            StepVerb.Back => new StepCheck("the previous page", activityText, CheckStrength.Weak, delta is null ? reacted : delta.NewDocument || delta.LocationChanged || delta.Navigations > 0),
            _ => new StepCheck("nothing to check", activityText, CheckStrength.None, true),
        };
        return (check, delta);
    }

    /// <summary>A combo box shows the choice picked from its pop-up.</summary>
    private async Task<StepCheck> ChosenAsync(StepProbe probe, CancellationToken cancellationToken)
    {
        var widget = await run.Elements!.RefreshAsync(probe.Widget!.Ref, cancellationToken).ConfigureAwait(false);
        var shown = widget is null ? "" : widget.Value ?? widget.OwnText;
        var held = widget is not null && Targets.TargetResolver.ContainsWords(Targets.TargetResolver.Key(shown), Targets.TargetResolver.Key(probe.Choice));
        return new StepCheck($"{ElementTargetLocator.Describe(probe.Widget)} to show \"{probe.Choice}\"", widget is null ? "it is gone" : $"it shows \"{run.Secrets.Masker.Apply(shown)}\"", CheckStrength.Strong, held);
    }

    private StepCheck Value(StepProbe probe, UiElement? after)
    {
        var expected = $"the field to hold \"{probe.ExpectShown}\"";
        if (after is null)
        {
            return new StepCheck(expected, "the field is gone", CheckStrength.Strong, false);
        }

        var value = after.Value ?? (after.States.Editable ? after.Text : null);
        if (value is null)
        {
            return new StepCheck(expected, $"{ElementTargetLocator.Describe(after)} has no value to read", CheckStrength.Strong, false);
        }

        var want = probe.ExpectValue ?? "";
        var isMaskedPassword = value.Length > 0 && value.All(c => c == '•') && !want.All(c => c == '•');
        var held = probe.ExpectSuffix
            ? (isMaskedPassword ? value.Length >= want.Length : value.Replace("\r\n", "\n", StringComparison.Ordinal).EndsWith(want.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal))
            : isMaskedPassword ? value.Length == want.Length : Same(value, want);
        var shown = isMaskedPassword ? $"{value.Length} characters (a password field)" : $"\"{run.Secrets.Masker.Apply(value)}\"";
        return new StepCheck(expected, $"{ElementTargetLocator.Describe(after)} holds {shown}", CheckStrength.Strong, held);
    }

    private static StepCheck Checked(StepProbe probe, UiElement? after)
    {
        var want = probe.ExpectChecked == true;
        var expected = want ? "checked" : "unchecked";
        if ((after?.States.Checked ?? after?.States.Pressed) is not { } now)
        {
            return new StepCheck(expected, after is null ? "the element is gone" : $"{ElementTargetLocator.Describe(after)} has no checked state", CheckStrength.Strong, false);
        }

        var observed = after!.States.Mixed ? "mixed" : now ? "checked" : "unchecked";
        return new StepCheck(expected, observed, CheckStrength.Strong, now == want && !after.States.Mixed);
    }

    private static StepCheck Selected(StepProbe probe, UiElement? after)
    {
        var expected = $"\"{probe.ExpectOption}\" selected";
        var value = after?.Value ?? "";
        return new StepCheck(expected, after is null ? "the list is gone" : $"\"{value}\" selected", CheckStrength.Strong,
            after is not null && string.Equals(TargetPhraseKey(value), TargetPhraseKey(probe.ExpectOption!), StringComparison.Ordinal));
    }

    private static StepCheck Click(UiElement before, UiElement? after, ActivityDelta? delta, bool reacted, string activityText)
    {
        var what = ElementTargetLocator.Describe(before);
        var navigated = delta is not null && (delta.NewDocument || delta.LocationChanged || delta.Navigations > 0 || delta.Pages > 0 || delta.Dialogs > 0 || delta.Downloads > 0);
        if (before.Role == "link" || before.States.Submits)
        {
            if (navigated)
            {
                return new StepCheck($"{what} to open a page", activityText, CheckStrength.Strong, true);
            }

            if (after is null || delta?.Mutations > 0)
            {
                return new StepCheck($"{what} to open a page or change this one", activityText, CheckStrength.Weak, reacted || after is null);
            }

            return new StepCheck($"{what} to open a page", activityText, CheckStrength.Strong, false);
        }

        if (after is null)
        {
            // An item of a menu or list box that closes its pop-up; anything else that vanished is only a reaction.
            return PopupItems.Contains(before.Role)
                ? new StepCheck($"{what} chosen (its pop-up closes)", "its pop-up closed", CheckStrength.Strong, true)
                : new StepCheck($"{what} to react", $"it is gone; {activityText}", CheckStrength.Weak, true);
        }

        var b = before.States;
        var a = after.States;
        if (b.Checked is not null && a.Checked is { } isChecked)
        {
            if (before.Role is "radio" or "menuitemradio")
            {
                return new StepCheck($"{what} checked", isChecked ? "checked" : "unchecked", CheckStrength.Strong, isChecked);
            }

            var changed = isChecked != b.Checked || a.Mixed != b.Mixed;
            return new StepCheck($"{what} toggled from {State(b.Checked, b.Mixed)}", State(isChecked, a.Mixed), CheckStrength.Strong, changed);
        }

        if (b.Pressed is { } wasPressed)
        {
            return new StepCheck($"{what} toggled from {(wasPressed ? "pressed" : "not pressed")}", a.Pressed == true ? "pressed" : "not pressed", CheckStrength.Strong, a.Pressed != wasPressed);
        }

        if (b.Expanded is { } wasExpanded)
        {
            var now = a.Expanded == true;
            if (now != wasExpanded)
            {
                return new StepCheck($"{what} {(wasExpanded ? "collapsed" : "expanded")}", now ? "expanded" : "collapsed", CheckStrength.Strong, true);
            }

            // A tree item or tab that was open stays open but gets selected; anything else must have changed.
            if (b.Selected is not null && a.Selected == true && b.Selected != true)
            {
                return new StepCheck($"{what} selected", "selected", CheckStrength.Strong, true);
            }

            return new StepCheck($"{what} {(wasExpanded ? "collapsed" : "expanded")}", now ? "still expanded" : "still collapsed", CheckStrength.Strong, false);
        }

        if (b.Sort is not null && a.Sort != b.Sort)
        {
            return new StepCheck($"{what} sort order changed", $"sorted {a.Sort}", CheckStrength.Strong, true);
        }

        if (b.Selected is not null)
        {
            return new StepCheck($"{what} selected", a.Selected == true ? "selected" : "not selected", CheckStrength.Strong, a.Selected == true);
        }

        return new StepCheck($"{what} to react", activityText, CheckStrength.Weak, reacted);
    }

    private static string Expected(StepIntent intent, StepProbe probe) => intent.Verb switch
    {
        StepVerb.Check => "checked",
        StepVerb.Uncheck => "unchecked",
        _ => probe.ExpectShown ?? intent.Verb.ToString().ToLowerInvariant(),
    };

    private static string State(bool? isChecked, bool mixed) => mixed ? "mixed" : isChecked == true ? "checked" : "unchecked";

    private static bool Same(string a, string b) => string.Equals(a.Replace("\r\n", "\n", StringComparison.Ordinal), b.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);

    private static string TargetPhraseKey(string text) => Targets.TargetResolver.Key(text);
}
