using System.Diagnostics;
using VisualAgent.Actions;
using VisualAgent.Agent.Policy;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Agent;

/// <summary>The verbs of the offline grammar, one method each.</summary>
internal sealed partial class StepExecutor
{
    private async Task<bool> OpenAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        var url = ResolveUrl(intent.Value ?? "", run.Navigation?.CurrentUrl);
        await _actor.EnforceAsync(run.Policy.CheckNavigation(url), trace, cancellationToken).ConfigureAwait(false);
        run.Policy.NoteStart(url);
        var started = Stopwatch.GetTimestamp();
        await RequireNavigation().NavigateAsync(url, cancellationToken).ConfigureAwait(false);
        trace.ActMs += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        run.Current = null;
        await _actor.AfterNavigationAsync(trace, cancellationToken).ConfigureAwait(false);
        return false;
    }

    private async Task<bool> BackAsync(StepTrace trace, CancellationToken cancellationToken)
    {
        await RequireNavigation().GoBackAsync(cancellationToken).ConfigureAwait(false);
        run.Current = null;
        await _actor.AfterNavigationAsync(trace, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> PointAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        var target = await _locator.LocateAsync(Required(intent.Target, intent), trace, cancellationToken, intent.Verb, intent.Source).ConfigureAwait(false);
        trace.Element = await _actor.ElementAtAsync(target.Point, trace, cancellationToken).ConfigureAwait(false);
        await AimAsync(target, trace, cancellationToken).ConfigureAwait(false);
        await _actor.EnforceAsync(_actor.Check(intent, trace.Element, trace.Probe.Element), trace, cancellationToken).ConfigureAwait(false);
        NoteNoRepeat(trace);
        var (x, y) = (target.Point.X, target.Point.Y);
        AgentAction action = intent.Verb switch
        {
            StepVerb.DoubleClick => new ClickAction(x, y, MouseButton.Left, 2),
            StepVerb.RightClick => new ClickAction(x, y, MouseButton.Right),
            StepVerb.Hover => new MoveAction(x, y),
            _ => new ClickAction(x, y),
        };
        trace.Action = action with { Box = target.Box?.ToArray() };
        await _actor.ActAsync(trace.Action, trace, cancellationToken).ConfigureAwait(false);
        return intent.Verb is StepVerb.Click or StepVerb.DoubleClick;
    }

    private async Task<bool> TypeAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        var written = intent.Value ?? "";
        var recorded = new TypeAction(written, intent.Submit);
        if (intent.Target is null)
        {
            await _actor.EnforceAsync(_actor.Check(intent, null), trace, cancellationToken).ConfigureAwait(false);
            trace.Action = recorded;
            var typed = run.Secrets.Resolve(written);
            if (run.Elements is { } elements && trace.Probe.Mark is not null && !intent.Submit
                && await elements.FocusedAsync(cancellationToken).ConfigureAwait(false) is { } focused && IsTypable(focused))
            {
                // Typing into whatever has the focus: afterwards its value must end with the text.
                (trace.Probe.Element, trace.Probe.ExpectValue, trace.Probe.ExpectShown, trace.Probe.ExpectSuffix) = (focused, typed, run.Secrets.Masker.Apply(typed), true);
            }

            await _actor.ActAsync(new TypeAction(typed, intent.Submit), trace, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var target = await _locator.LocateAsync(intent.Target, trace, cancellationToken, StepVerb.Type, intent.Source).ConfigureAwait(false);
        trace.Element = await _actor.ElementAtAsync(target.Point, trace, cancellationToken).ConfigureAwait(false);
        await AimAsync(target, trace, cancellationToken).ConfigureAwait(false);
        if (trace.Probe.Element is { } field && !IsTypable(field))
        {
            throw new StepFailedException($"{ElementTargetLocator.Describe(field)} is not a field to type into", final: true, FailureCause.WrongElement);
        }

        await _actor.EnforceAsync(_actor.Check(intent, trace.Element, trace.Probe.Element), trace, cancellationToken).ConfigureAwait(false);
        NoteNoRepeat(trace);
        var text = run.Secrets.Resolve(written);
        run.SecretTyped |= SecretResolver.ContainsSecret(written);
        if (trace.Element?.IsPassword == true || trace.Probe.Element?.InputType == "password" || SecretResolver.ContainsSecret(written))
        {
            var p = target.Point;
            run.AddSensitiveBox(trace.Element?.Box ?? target.Box ?? new ScreenBox(p.X - 200, p.Y - 30, p.X + 200, p.Y + 30), run.Location);
        }

        trace.Probe.ExpectValue = text;
        trace.Probe.ExpectShown = run.Secrets.Masker.Apply(text);
        KeyAction selectAll = new(["ctrl", "a"]), clear = new(["backspace"]);
        trace.Action = new ClickAction(target.Point.X, target.Point.Y) { Box = target.Box?.ToArray(), Then = [selectAll, clear, recorded] };
        await _actor.ActAsync(new ClickAction(target.Point.X, target.Point.Y), trace, cancellationToken).ConfigureAwait(false);
        await _actor.ActAsync(selectAll, trace, cancellationToken).ConfigureAwait(false);
        await _actor.ActAsync(clear, trace, cancellationToken).ConfigureAwait(false);
        var checkBeforeEnter = intent.Submit && trace.Probe.Element is not null;
        await _actor.ActAsync(new TypeAction(text, intent.Submit && !checkBeforeEnter), trace, cancellationToken).ConfigureAwait(false);
        if (checkBeforeEnter)
        {
            // Read the value back before Enter submits it (a submitted field is often cleared).
            if (await _checker.CheckAsync(intent with { Submit = false }, trace.Probe, null, cancellationToken).ConfigureAwait(false) is var (typed, _))
            {
                trace.Probe.Decided = typed;
                if (!typed.Held)
                {
                    return true;
                }
            }

            await _actor.ActAsync(new KeyAction(["enter"]), trace, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task<bool> SelectAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        var option = Required(intent.Value, intent);
        ScreenPoint point;
        ScreenBox? box = null;
        LocatedTarget? target;
        if (intent.Target is null)
        {
            var select = await FindSelectAsync(option, trace, cancellationToken).ConfigureAwait(false);
            if (select is null && run.Elements is not null)
            {
                // No drop-down has it: a radio button, check box, option or tab named so is what the page offers.
                return await ChooseOnPageAsync(intent, option, trace, cancellationToken).ConfigureAwait(false);
            }

            if (select is null)
            {
                throw new StepFailedException($"no list on the page has the option \"{option}\"", cause: FailureCause.NotFound);
            }

            point = select.ClickPoint ?? select.VisibleBox!.Value.Center;
            target = new LocatedTarget(point, select.VisibleBox, option, null) { Element = select };
        }
        else
        {
            target = await _locator.LocateAsync(intent.Target, trace, cancellationToken, StepVerb.Select, intent.Source).ConfigureAwait(false);
            (point, box) = (target.Point, target.Box);
        }

        trace.Element = await _actor.ElementAtAsync(point, trace, cancellationToken).ConfigureAwait(false);
        await AimAsync(target, trace, cancellationToken).ConfigureAwait(false);
        if (trace.Probe.Element is { } list && list.Tag != "select")
        {
            return await PickFromWidgetAsync(intent, list, option, trace, cancellationToken).ConfigureAwait(false);
        }

        trace.Probe.ExpectOption = option;
        await _actor.EnforceAsync(_actor.Check(intent, trace.Element, trace.Probe.Element), trace, cancellationToken).ConfigureAwait(false);
        trace.Action = new SelectAction(point.X, point.Y, option) { Box = box?.ToArray() };
        await _actor.ActAsync(trace.Action, trace, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// "select OPTION in TARGET" on a widget that is not a native &lt;select&gt;: a list box (click the option in it), or a
    /// combo box or menu button (open it, then click the option or menu item that appeared). The check is the option's:
    /// selected, or its pop-up closed.
    /// </summary>
    private async Task<bool> PickFromWidgetAsync(StepIntent intent, Drivers.UiElement widget, string option, StepTrace trace, CancellationToken cancellationToken)
    {
        var elements = run.Elements!;
        var opener = widget.Role is "combobox" or "button" or "menuitem" || widget.States.Expanded is not null;
        if (widget.Role is not ("listbox" or "tree" or "grid" or "menu" or "radiogroup" or "group") && !opener)
        {
            throw new StepFailedException($"{ElementTargetLocator.Describe(widget)} is not a list, drop-down or menu to choose \"{option}\" from", final: true, FailureCause.WrongElement);
        }

        await _actor.EnforceAsync(_actor.Check(intent, trace.Element, widget), trace, cancellationToken).ConfigureAwait(false);
        var spec = new Targets.TargetSpec
        {
            Phrase = option, Text = Targets.TargetPhrase.Normalize(option), Quoted = true,
            Roles = new HashSet<string> { "option", "menuitem", "menuitemradio", "menuitemcheckbox", "treeitem", "radio", "gridcell" },
        };
        if (opener && widget.States.Expanded != true)
        {
            var open = widget.ClickPoint ?? widget.VisibleBox!.Value.Center;
            await _actor.ActAsync(new ClickAction(open.X, open.Y), trace, cancellationToken).ConfigureAwait(false);
            await run.SettleAsync(cancellationToken).ConfigureAwait(false);
            trace.Notes.Add($"opened {ElementTargetLocator.Describe(widget)}");
        }

        var snapshot = await elements.QueryElementsAsync(run.Options.MaxElements, cancellationToken).ConfigureAwait(false);
        var candidates = opener
            ? snapshot.Elements
            : snapshot.Elements.Where(e => e.Scopes.Any(sc => sc.Name == widget.Name && sc.Kind == widget.Role)).ToList();
        var resolution = Targets.TargetResolver.Resolve(spec, candidates, StepVerb.Click);
        if (resolution.Element is not { } item)
        {
            throw new StepFailedException($"\"{option}\" is not among the choices of {ElementTargetLocator.Describe(widget)}: {resolution.Problem}", final: true, FailureCause.NotFound);
        }

        var shown = item.VisibleBox is null || !item.HitAtCentre ? await elements.RevealAsync(item.Ref, cancellationToken).ConfigureAwait(false) : item;
        if (shown?.VisibleBox is null || !shown.HitAtCentre)
        {
            throw new StepFailedException($"the choice \"{option}\" cannot be reached by a click", final: true, FailureCause.WrongElement);
        }

        await run.CaptureAsync(cancellationToken).ConfigureAwait(false);
        var at = shown.ClickPoint ?? shown.VisibleBox.Value.Center;
        trace.Grounding = $"page: {resolution.How} of {ElementTargetLocator.Describe(widget)}";
        trace.Probe.Element = shown;
        trace.Probe.Before = run.Current;
        (trace.Probe.Widget, trace.Probe.Choice) = (widget.Role == "combobox" ? widget : null, option);
        trace.Element = await _actor.ElementAtAsync(at, trace, cancellationToken).ConfigureAwait(false);
        trace.Action = new ClickAction(at.X, at.Y) { Box = shown.VisibleBox.Value.ToArray() };
        await _actor.ActAsync(trace.Action, trace, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>"select X" with no list named: the one radio button, check box, option, menu item or tab called X.</summary>
    private async Task<bool> ChooseOnPageAsync(StepIntent intent, string option, StepTrace trace, CancellationToken cancellationToken)
    {
        var elements = run.Elements!;
        var spec = new Targets.TargetSpec
        {
            Phrase = option, Text = Targets.TargetPhrase.Normalize(option), Quoted = true,
            Roles = new HashSet<string> { "radio", "checkbox", "switch", "option", "menuitemradio", "menuitemcheckbox", "tab", "treeitem" },
        };
        var snapshot = await elements.QueryElementsAsync(run.Options.MaxElements, cancellationToken).ConfigureAwait(false);
        var resolution = Targets.TargetResolver.Resolve(spec, snapshot.Elements, StepVerb.Select);
        if (resolution.Element is not { } choice)
        {
            throw new StepFailedException($"no drop-down list, radio button, check box or option on the page is called \"{option}\"", final: true, FailureCause.NotFound);
        }

        if (resolution.Ambiguous)
        {
            throw new StepFailedException($"{resolution.Matches} choices are called \"{option}\"; say which: select \"{option}\" in the \"NAME\" list", final: true, FailureCause.Refused);
        }

        var shown = choice.VisibleBox is null || !choice.HitAtCentre ? await elements.RevealAsync(choice.Ref, cancellationToken).ConfigureAwait(false) : choice;
        if (shown?.VisibleBox is null || !shown.HitAtCentre)
        {
            throw new StepFailedException($"the choice \"{option}\" cannot be reached by a click", final: true, FailureCause.WrongElement);
        }

        await run.CaptureAsync(cancellationToken).ConfigureAwait(false);
        trace.Grounding = $"page: {resolution.How}";
        trace.Probe.Before = run.Current;
        trace.Probe.Element = shown;
        if (shown.States.Checked == true && !shown.States.Mixed)
        {
            trace.Notes.Add($"\"{option}\" is already selected");
            trace.Probe.AlreadyDone = true;
            return false;
        }

        var at = shown.ClickPoint ?? shown.VisibleBox.Value.Center;
        trace.Element = await _actor.ElementAtAsync(at, trace, cancellationToken).ConfigureAwait(false);
        await _actor.EnforceAsync(_actor.Check(intent, trace.Element, shown), trace, cancellationToken).ConfigureAwait(false);
        trace.Action = new ClickAction(at.X, at.Y) { Box = shown.VisibleBox.Value.ToArray() };
        await _actor.ActAsync(trace.Action, trace, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The centre of the one visible drop-down list that has the option, through the screen's elements.</summary>
    private async Task<Drivers.UiElement?> FindSelectAsync(string option, StepTrace trace, CancellationToken cancellationToken)
    {
        if (run.Elements is not { } elements)
        {
            return null;
        }

        var snapshot = await elements.QueryElementsAsync(run.Options.MaxElements, cancellationToken).ConfigureAwait(false);
        var want = Targets.TargetResolver.Key(option);
        var lists = snapshot.Elements.Where(e => e.Tag == "select" && e.Options.Any(o => Targets.TargetResolver.Key(o) == want)).ToList();
        if (lists.Count > 1)
        {
            throw new StepFailedException($"{lists.Count} drop-down lists have the option \"{option}\"; say which: select \"{option}\" in the \"NAME\" list", final: true, FailureCause.Refused);
        }

        if (lists.Count == 0)
        {
            return null;
        }

        var shown = lists[0].VisibleBox is null ? await elements.RevealAsync(lists[0].Ref, cancellationToken).ConfigureAwait(false) : lists[0];
        if (shown?.VisibleBox is null)
        {
            return null;
        }

        await run.CaptureAsync(cancellationToken).ConfigureAwait(false);
        trace.Grounding = $"page: the drop-down list with \"{option}\"";
        return shown;
    }

    private async Task<bool> CheckAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        var target = await _locator.LocateAsync(Required(intent.Target, intent), trace, cancellationToken, intent.Verb, intent.Source).ConfigureAwait(false);
        trace.Element = await _actor.ElementAtAsync(target.Point, trace, cancellationToken).ConfigureAwait(false);
        await AimAsync(target, trace, cancellationToken).ConfigureAwait(false);
        var want = intent.Verb == StepVerb.Check;
        trace.Probe.ExpectChecked = want;
        if (trace.Probe.Element is { } box)
        {
            if ((box.States.Checked ?? box.States.Pressed) is not { } now)
            {
                throw new StepFailedException($"{ElementTargetLocator.Describe(box)} is not a checkbox, radio button or switch", final: true, FailureCause.WrongElement);
            }

            if (now == want && !box.States.Mixed)
            {
                trace.Notes.Add($"\"{target.Text}\" is already {(want ? "checked" : "unchecked")}");
                trace.Probe.AlreadyDone = true;
                return false;
            }
        }

        await _actor.EnforceAsync(_actor.Check(intent, trace.Element, trace.Probe.Element), trace, cancellationToken).ConfigureAwait(false);
        NoteNoRepeat(trace);
        trace.Action = new ClickAction(target.Point.X, target.Point.Y) { Box = target.Box?.ToArray() };
        await _actor.ActAsync(trace.Action, trace, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> PressAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        trace.Action = new KeyAction(intent.Keys is { Count: > 0 } keys ? keys : throw new UsageException($"The step \"{intent.Source}\" names no key."));
        await _actor.ActAsync(trace.Action, trace, cancellationToken).ConfigureAwait(false);
        return false;
    }

    private async Task<bool> ScrollAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        var shot = run.Current ?? await run.CaptureAsync(cancellationToken).ConfigureAwait(false);
        var screen = Math.Round(shot.ScrollHeight * run.Options.ScrollFraction);
        var dy = intent.Amount ?? (intent.Value == "up" ? -screen : screen);
        ScreenPoint? at = intent.Target is null ? null
            : (await _locator.LocateAsync(intent.Target, trace, cancellationToken, StepVerb.Scroll, intent.Source).ConfigureAwait(false)).Point;
        trace.Action = new ScrollAction(at?.X, at?.Y, 0, dy);
        await _actor.ActAsync(trace.Action, trace, cancellationToken).ConfigureAwait(false);
        return false;
    }

    private async Task<bool> UploadAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        var file = Path.GetFullPath(Required(intent.Value, intent));
        if (!File.Exists(file))
        {
            throw new UsageException($"The file to upload does not exist: {file}.");
        }

        var target = await _locator.LocateAsync(Required(intent.Target, intent), trace, cancellationToken, StepVerb.Upload, intent.Source).ConfigureAwait(false);
        trace.Element = await _actor.ElementAtAsync(target.Point, trace, cancellationToken).ConfigureAwait(false);
        await _actor.EnforceAsync(_actor.Check(intent, trace.Element), trace, cancellationToken).ConfigureAwait(false);
        trace.Action = new ClickAction(target.Point.X, target.Point.Y) { Box = target.Box?.ToArray() };
        var started = Stopwatch.GetTimestamp();
        var outcome = await (run.Upload ?? throw new StepFailedException("this driver cannot answer a file chooser", final: true)).UploadAsync(target.Point, [file], cancellationToken).ConfigureAwait(false);
        trace.ActMs += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        run.Current = null;
        await _actor.AfterAsync(outcome, trace, cancellationToken).ConfigureAwait(false);
        return false;
    }

    private Drivers.INavigation RequireNavigation() =>
        run.Navigation ?? throw new StepFailedException("this driver cannot open pages or go back (it is not a browser)", final: true);

    /// <summary>Remembers what the action is aimed at (for its check) and the screen it is aimed on.</summary>
    private async Task AimAsync(LocatedTarget target, StepTrace trace, CancellationToken cancellationToken)
    {
        trace.Probe.Before = run.Current;
        if (run.Elements is { } elements && trace.Probe.Mark is not null)
        {
            trace.Probe.Element = target.Element ?? await elements.HitTestAsync(target.Point, cancellationToken).ConfigureAwait(false);
            if (target.Element is null && trace.Probe.Element is { } hit)
            {
                trace.Grounding ??= $"pixels ({run.Grounder.Name}) on {ElementTargetLocator.Describe(hit)}";
                ConfirmPixelHit(target, hit);
            }
        }
    }

    /// <summary>
    /// Pixels placed the step; the page says what is at the point. Unless the page is pixels there (a canvas, an image, an
    /// SVG drawing, a frame), the element hit must answer to the target's text, or the step fails instead of acting on
    /// the wrong element.
    /// </summary>
    private void ConfirmPixelHit(LocatedTarget target, Drivers.UiElement hit)
    {
        if (hit.Tag is "canvas" or "img" or "svg" or "iframe" or "frame" or "video" or "embed" or "object" || hit.Role == "img")
        {
            return;
        }

        var spec = Targets.TargetPhrase.Parse(target.Text);
        if (spec.Text.Length > 0 && Targets.TargetResolver.Grade(spec with { Quoted = true }, hit) <= 0
            && !(hit.Label is { } label && Targets.TargetResolver.Grade(spec with { Quoted = true }, hit with { Name = label }) > 0))
        {
            throw new StepFailedException(
                $"pixels ({run.Grounder.Name}) put \"{target.Text}\" on {ElementTargetLocator.Describe(hit)}, which does not answer to that name; not acting on it", final: true, FailureCause.WrongElement);
        }

        // Pixels read a name, not a place: "Dining Out" in the "Hot Coffee" row must be that row's, not the first one read.
        if (spec.Scope is not null && Targets.TargetResolver.InScope(spec, [hit], out _).Count == 0)
        {
            throw new StepFailedException(
                $"pixels ({run.Grounder.Name}) put \"{target.Text}\" on {ElementTargetLocator.Describe(hit)}, which is not in the {spec.ScopeKind ?? "section"} \"{spec.Scope}\"; not acting on it", final: true, FailureCause.WrongElement);
        }
    }

    /// <summary>A step that needed a person's yes, or whose target submits a form, is never repeated automatically.</summary>
    private static void NoteNoRepeat(StepTrace trace) =>
        trace.Probe.NoRepeat |= trace.Confirmed || trace.Probe.Element?.States.Submits == true;

    private static bool IsTypable(Drivers.UiElement e) => e.States.Editable || (Targets.KindWords.IsField(e.Role) && !e.States.Disabled && !e.States.ReadOnly);

    private static string Required(string? value, StepIntent intent) =>
        string.IsNullOrWhiteSpace(value) ? throw new UsageException($"The step \"{intent.Source}\" is missing its target or value.") : value;

    /// <summary>Absolute URLs as they are; "/path" against the current page; "host:port/..." gets http:// (localhost) or https://.</summary>
    internal static string ResolveUrl(string url, string? current)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var abs) && abs.Scheme is "http" or "https" or "file" or "about" or "data")
        {
            return url;
        }

        if ((url.StartsWith('/') || url.StartsWith("./", StringComparison.Ordinal)) && current is not null
            && Uri.TryCreate(current, UriKind.Absolute, out var baseUri) && baseUri.Scheme is "http" or "https" or "file")
        {
            return new Uri(baseUri, url).ToString();
        }

        var local = url.StartsWith("localhost", StringComparison.OrdinalIgnoreCase) || url.StartsWith("127.", StringComparison.Ordinal);
        return (local ? "http://" : "https://") + url;
    }
}
