using System.Diagnostics;
using VisualAgent.Actions;
using VisualAgent.Agent.Runs;
using VisualAgent.Codegen.Plans;
using VisualAgent.Drivers;
using VisualAgent.Geometry;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Codegen.Replay;

/// <summary>One desktop step replayed: found, acted on with the run's own input, and checked through the accessibility tree.</summary>
internal sealed class DesktopReplaySteps(IUiDriver driver, IElementQuery elements, IElementPathResolver paths, DesktopReplayLadder ladder, DesktopReplayRequest request, TimeProvider time)
{
    /// <summary>The steps healed so far: index, how, the recorded path and the path now.</summary>
    public List<DesktopHealDiff.Entry> Healed { get; } = [];

    /// <summary>What each replayed step's check saw, by step index ("the field holds ...", "the window ... closed").</summary>
    public Dictionary<int, string> Checks { get; } = [];

    public async Task<ReplayStepReport> ReplayAsync(StepRecord step, CancellationToken cancellationToken)
    {
        var t0 = Stopwatch.GetTimestamp();
        try
        {
            var how = await StepAsync(step, cancellationToken).ConfigureAwait(false);
            return new ReplayStepReport(step.Index, step.Description ?? "", how, true, null, Stopwatch.GetElapsedTime(t0).TotalMilliseconds)
            {
                Healed = how.StartsWith("healed", StringComparison.Ordinal),
            };
        }
        catch (ReplayStepException e)
        {
            return new ReplayStepReport(step.Index, step.Description ?? "", e.How ?? "", false, e.Message, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }
        catch (VisualAgent.Errors.DriverException e)
        {
            return new ReplayStepReport(step.Index, step.Description ?? "", "", false, e.Message, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }
    }

    private async Task<string> StepAsync(StepRecord step, CancellationToken ct)
    {
        var intent = step.Intent;
        switch (intent?.Verb)
        {
            case StepVerb.Press:
                await driver.ExecuteAsync(new KeyAction(intent.Keys ?? []), ct).ConfigureAwait(false);
                return "keys";
            case StepVerb.Wait:
                await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(intent.Amount ?? 1, 0, 300)), time, ct).ConfigureAwait(false);
                return "wait";
            case StepVerb.Verify or StepVerb.WaitForText:
                await WaitForTextAsync(intent.Value ?? "", intent.Verb == StepVerb.Verify ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
                return "text on the screen";
            case StepVerb.Scroll when step.ElementPath is null:
                await driver.ExecuteAsync(step.Action as ScrollAction ?? new ScrollAction(null, null, 0, intent.Amount ?? 0), ct).ConfigureAwait(false);
                return "scroll";
            case StepVerb.Click or StepVerb.DoubleClick or StepVerb.RightClick or StepVerb.Type or StepVerb.Check or StepVerb.Uncheck or StepVerb.Hover or StepVerb.Scroll:
                break;
            case null when step.Description?.StartsWith("manual takeover", StringComparison.Ordinal) == true:
                throw new ReplayStepException("a person did this step by hand in the recorded run: replay cannot", "manual");
            case null:
                throw new ReplayStepException("the step was decided by a model as a raw action (no structured intent): replay has no words to check it by", "action");
            default:
                throw new ReplayStepException($"replay does not do {intent.Verb.ToString().ToLowerInvariant()} steps on the desktop", "unsupported");
        }

        var (element, how, newPath) = await ladder.FindAsync(step.ElementPath, step.Element, intent, request.Heal != HealMode.Off, ct).ConfigureAwait(false);
        if (element is null)
        {
            throw new ReplayStepException($"its element was not found: {how}", "not found");
        }

        if (element.ClickPoint is not { } point)
        {
            throw new ReplayStepException($"{DesktopReplayLadder.Describe(element)} is there but no point of it can be clicked (covered or off the screen)", how);
        }

        if (how.StartsWith("healed", StringComparison.Ordinal))
        {
            Healed.Add(new DesktopHealDiff.Entry(step.Index, step.Description ?? "", how, step.ElementPath, newPath));
        }

        Checks[step.Index] = await ActAsync(step, intent, element, point, how, ct).ConfigureAwait(false);
        return how;
    }

    private async Task<string> ActAsync(StepRecord step, StepIntent intent, UiElement element, ScreenPoint point, string how, CancellationToken ct)
    {
        switch (intent.Verb)
        {
            case StepVerb.Type:
                var secret = ScriptText.Parse(intent.Value ?? "").HasSecret;
                var text = string.Concat(ScriptText.Parse(intent.Value ?? "").Parts.Select(p => p.Secret ? request.Secret(p.Text) ?? "" : p.Text));
                await driver.ExecuteAsync(new ClickAction(point.X, point.Y), ct).ConfigureAwait(false);
                await driver.ExecuteAsync(new KeyAction(["ctrl", "a"]), ct).ConfigureAwait(false);
                await driver.ExecuteAsync(new KeyAction(["backspace"]), ct).ConfigureAwait(false);
                await driver.ExecuteAsync(new TypeAction(text, intent.Submit), ct).ConfigureAwait(false);
                if (!intent.Submit)
                {
                    await CheckValueAsync(element, text, secret, how, ct).ConfigureAwait(false);
                    return secret || element.InputType == "password" ? $"the field holds the {text.Length} characters typed" : $"the field holds \"{request.Mask(text)}\"";
                }

                return "typed and submitted";
            case StepVerb.Check or StepVerb.Uncheck:
                var want = intent.Verb == StepVerb.Check;
                if ((element.States.Checked ?? element.States.Pressed) != want)
                {
                    await driver.ExecuteAsync(new ClickAction(point.X, point.Y), ct).ConfigureAwait(false);
                }

                await UntilAsync(async () =>
                {
                    var now = await elements.RefreshAsync(element.Ref, ct).ConfigureAwait(false);
                    return (now?.States.Checked ?? now?.States.Pressed) == want ? null : now is null ? "it is gone" : $"it is not {(want ? "checked" : "unchecked")}";
                }, how, ct).ConfigureAwait(false);
                return want ? "checked" : "unchecked";
            case StepVerb.Hover:
                await driver.ExecuteAsync(new MoveAction(point.X, point.Y), ct).ConfigureAwait(false);
                return "";
            case StepVerb.Scroll:
                var dy = (step.Action as ScrollAction)?.Dy ?? intent.Amount ?? 0;
                await driver.ExecuteAsync(new ScrollAction(point.X, point.Y, 0, dy), ct).ConfigureAwait(false);
                return "";
            default:
                return await ClickAsync(intent, element, point, how, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A click, checked as a run checks it on the desktop: an element with a state changes it (a radio button ends
    /// checked), an element that goes away says whether its window closed, anything else must change the screen.
    /// </summary>
    private async Task<string> ClickAsync(StepIntent intent, UiElement before, ScreenPoint point, string how, CancellationToken ct)
    {
        var window = paths.PathOf(before.Ref);
        var shot = await driver.CaptureAsync(ct).ConfigureAwait(false);
        var button = intent.Verb == StepVerb.RightClick ? MouseButton.Right : MouseButton.Left;
        await driver.ExecuteAsync(new ClickAction(point.X, point.Y, button, intent.Verb == StepVerb.DoubleClick ? 2 : 1), ct).ConfigureAwait(false);
        var effect = "";
        await UntilAsync(async () =>
        {
            var after = await elements.RefreshAsync(before.Ref, ct).ConfigureAwait(false);
            if (after is null)
            {
                effect = window is not null && !await WindowOpenAsync(window, ct).ConfigureAwait(false) ? $"the window \"{window.Window}\" closed" : "it is gone";
                return null;
            }

            var (b, a) = (before.States, after.States);
            if (b.Checked is { } wasChecked)
            {
                effect = a.Checked == true ? "checked" : "unchecked";
                return before.Role is "radio" or "menuitemradio" ? (a.Checked == true ? null : "it is not checked") : a.Checked != wasChecked ? null : $"it is still {effect}";
            }

            if (b.Pressed is { } wasPressed)
            {
                effect = a.Pressed == true ? "pressed" : "not pressed";
                return a.Pressed != wasPressed ? null : $"it is still {effect}";
            }

            if (b.Expanded is { } wasExpanded && a.Expanded != wasExpanded)
            {
                effect = a.Expanded == true ? "expanded" : "collapsed";
                return null;
            }

            var now = await driver.CaptureAsync(ct).ConfigureAwait(false);
            effect = "the screen changed";
            return now.Png.Span.SequenceEqual(shot.Png.Span) ? "the click had no effect: the screen did not change" : null;
        }, how, ct).ConfigureAwait(false);
        return effect;
    }

    /// <summary>True while any element of the path's application still shows in the path's window.</summary>
    private async Task<bool> WindowOpenAsync(ElementPath path, CancellationToken ct)
    {
        var snapshot = await elements.QueryElementsAsync(20000, ct).ConfigureAwait(false);
        return snapshot.Elements.Any(e => paths.PathOf(e.Ref) is { } p && p.Application == path.Application && p.Window == path.Window);
    }

    /// <summary>The field holds what was typed (a secret is never echoed in the message).</summary>
    private Task CheckValueAsync(UiElement element, string text, bool secret, string how, CancellationToken ct) => UntilAsync(async () =>
    {
        var now = await elements.RefreshAsync(element.Ref, ct).ConfigureAwait(false);
        var value = now?.Value ?? (now?.States.Editable == true ? now.Text : null);
        if (value is null)
        {
            return now is null ? "the field is gone" : "the field has no text to read";
        }

        var password = element.InputType == "password";
        var held = password ? value.Length == text.Length || value.Length == 0 && text.Length == 0 : string.Equals(value, text, StringComparison.Ordinal);
        return held ? null : secret || password ? $"the field holds {value.Length} characters, not the {text.Length} typed" : $"the field holds \"{request.Mask(value)}\", not \"{request.Mask(text)}\"";
    }, how, ct);

    private async Task WaitForTextAsync(string text, TimeSpan within, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var blocks = await elements.QueryTextAsync(cancellationToken: ct).ConfigureAwait(false);
            if (blocks.Any(b => b.Visible && VisualAgent.Agent.Targets.VisibleText.Contains(b.Text, text)))
            {
                return;
            }

            if (time.GetElapsedTime(started) > within)
            {
                throw new ReplayStepException($"\"{text}\" is not on the screen", "text");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Asks <paramref name="problem"/> until it says nothing is wrong (null) or the effect timeout passes; then fails with its last answer.</summary>
    private async Task UntilAsync(Func<Task<string?>> problem, string how, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            if (await problem().ConfigureAwait(false) is not { } wrong)
            {
                return;
            }

            if (time.GetElapsedTime(started) >= request.EffectTimeout)
            {
                throw new ReplayStepException(wrong, how);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, ct).ConfigureAwait(false);
        }
    }
}
