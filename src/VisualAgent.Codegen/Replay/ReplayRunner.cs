using System.Diagnostics;
using System.Text.Json;
using VisualAgent.Actions;
using VisualAgent.Agent.Runs;
using VisualAgent.Agent.Targets;
using VisualAgent.Codegen.Plans;
using VisualAgent.Agent.Policy;
using VisualAgent.Drivers;
using VisualAgent.Geometry;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Codegen.Replay;

/// <summary>
/// Replays a recorded run through a driver by its locators, with no model call: each step's element is found by the
/// <see cref="ReplayLadder"/>, acted on at its click point, and checked the way the run checked it (a field's value, a
/// checkbox's state, the text to verify, the download). The first step that fails ends the replay as failed: a replay
/// never says succeeded when a step did not hold.
/// </summary>
public sealed class ReplayRunner(IBrowserDriver driver, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private IElementQuery Elements => (IElementQuery)driver;

    private ActionSettle _settle = ActionSettle.Light;

    /// <summary>The driver's batched, lightly settled actions when it has them (the web driver does) and the replay settles lightly.</summary>
    private IActionBatch? Batch => _settle == ActionSettle.Light ? driver as IActionBatch : null;

    public async Task<ReplayReport> RunAsync(RunDetails details, ReplayRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(request);
        if (driver is not ILocatorResolver resolver || driver is not IElementQuery elements)
        {
            throw new VisualAgent.Errors.UsageException("Replay needs a web driver that resolves locators and reads the page's elements.");
        }

        RefuseWithoutLocators(details);
        _settle = request.Settle;
        var plan = PlanBuilder.Build(details);
        var missing = plan.Secrets.Where(s => request.Secret(s) is null).ToList();
        if (missing.Count > 0)
        {
            throw new VisualAgent.Errors.UsageException($"Replay needs the environment variable(s) {string.Join(", ", missing)}: the run typed them (secrets). Set them for this command.");
        }

        var recordedBase = plan.BaseUrl?.TrimEnd('/');
        var baseUrl = request.BaseUrl?.TrimEnd('/');
        string Map(string url) => baseUrl is not null && recordedBase is not null && url.StartsWith(recordedBase, StringComparison.OrdinalIgnoreCase) ? baseUrl + url[recordedBase.Length..] : url;
        var firstUrl = details.Run.StartUrl ?? details.Steps.FirstOrDefault(s => s.Intent?.Verb == StepVerb.Open)?.Intent?.Value ?? recordedBase;
        var safety = new ReplaySafety(
            request.Policy, recordedBase, details.Run.Settings.GetValueOrDefault(RunSettingKeys.SamplesBase), request.SamplesBaseUrl, firstUrl is null ? null : Map(firstUrl));
        var ok = details.Steps.Where(s => s.Outcome == StepOutcome.Ok).ToList();
        var beforeDownload = ok.Zip(ok.Skip(1)).Where(p => p.Second.Intent?.Verb == StepVerb.WaitForDownload).Select(p => p.First.Index).ToHashSet();
        var ladder = new ReplayLadder(resolver, elements, Batch is { } batch ? batch.SettleAsync : null);
        var context = new StepContext(ladder, request.Heal != HealMode.Off, Map, request.Secret, safety, beforeDownload);
        var reports = new List<ReplayStepReport>();
        var started = Stopwatch.GetTimestamp();
        var startMs = 0.0;
        var stepsMs = 0.0;
        string? reason = plan.StoppedAt is null ? null : $"the recording ends early: {plan.StoppedAt}";
        var guard = driver as IRequestGuard;
        if (guard is not null)
        {
            await guard.SetRequestGuardAsync(safety.RequestVerdict, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            if (details.Run.StartUrl is { } start)
            {
                var opening = Stopwatch.GetTimestamp();
                await driver.NavigateAsync(Map(start), cancellationToken).ConfigureAwait(false);
                startMs = Stopwatch.GetElapsedTime(opening).TotalMilliseconds;
            }

            // Steps are timed from the start page loaded, as a generated script times itself from its "step 1" line.
            var stepsFrom = Stopwatch.GetTimestamp();
            foreach (var step in details.Steps.Where(s => s.Outcome == StepOutcome.Ok))
            {
                var report = await ReplayStepAsync(step, context, cancellationToken).ConfigureAwait(false);
                reports.Add(report);
                if (!report.Ok)
                {
                    reason = $"step {step.Index} ({step.Description}) failed: {report.Error}";
                    break;
                }
            }

            stepsMs = Stopwatch.GetElapsedTime(stepsFrom).TotalMilliseconds;
        }
        finally
        {
            if (guard is not null)
            {
                await guard.SetRequestGuardAsync(null, CancellationToken.None).ConfigureAwait(false);
            }
        }

        var succeeded = reports.Count > 0 && reports.All(r => r.Ok) && plan.StoppedAt is null && details.Run.Status == RunStatus.Succeeded;
        var report2 = new ReplayReport(details.Run.Id, succeeded, succeeded ? null : reason ?? $"the recorded run ended {details.Run.Status.ToString().ToLowerInvariant()}", reports, Stopwatch.GetElapsedTime(started).TotalMilliseconds, details.Run.DurationMs, details.Run.ModelCalls)
        {
            StartMs = startMs, StepsMs = stepsMs, Viewport = request.Viewport,
        };
        if (request.Heal != HealMode.Off && reports.Any(r => r.Healed))
        {
            report2 = report2 with { DiffPath = await HealDiff.WriteAsync(details, reports, cancellationToken).ConfigureAwait(false) };
            if (request.Heal == HealMode.Apply && succeeded)
            {
                await HealDiff.ApplyAsync(details, reports, cancellationToken).ConfigureAwait(false);
                report2 = report2 with { Applied = true };
            }
        }

        return report2;
    }

    /// <summary>
    /// A recording whose element steps recorded no locator at all (a run from before format 2, or a model's raw actions)
    /// cannot be replayed by locators: it is refused with what to do instead, rather than replayed by guesses.
    /// </summary>
    private static void RefuseWithoutLocators(RunDetails details)
    {
        var elementSteps = details.Steps.Where(s => s.Outcome == StepOutcome.Ok && s.Intent?.Verb is { } v && NeedsElement(v) || s.Outcome == StepOutcome.Ok && s.Intent is null && s.Action is not null).ToList();
        if (elementSteps.Count > 0 && elementSteps.All(s => s.Locators is not { Count: > 0 }))
        {
            throw new VisualAgent.Errors.UsageException(
                $"Run {details.Run.Id} recorded no locators for its {elementSteps.Count} step(s) on elements (a run from before locators were recorded, or one a model drove with raw actions): replay has nothing to find them by. " +
                $"Use 'visual-agent codegen --run {details.Run.Id} --target T' for a script that acts at the recorded points, or record the task again with 'visual-agent run'.");
        }
    }

    private static bool NeedsElement(StepVerb verb) => verb is StepVerb.Click or StepVerb.DoubleClick or StepVerb.RightClick or StepVerb.Type
        or StepVerb.Select or StepVerb.Check or StepVerb.Uncheck or StepVerb.Hover;

    private async Task<ReplayStepReport> ReplayStepAsync(StepRecord step, StepContext context, CancellationToken cancellationToken)
    {
        var t0 = Stopwatch.GetTimestamp();
        try
        {
            context.Healed = null;
            var how = await StepAsync(step, context, cancellationToken).ConfigureAwait(false);
            var healed = how.StartsWith("healed", StringComparison.Ordinal);
            var now = healed ? context.Healed : null;
            return new ReplayStepReport(step.Index, step.Description ?? "", how, true, null, Stopwatch.GetElapsedTime(t0).TotalMilliseconds)
            {
                Healed = healed, NewLocators = now, OldLocators = step.Locators, Crop = step.Crop,
            };
        }
        catch (ReplayStepException e)
        {
            return new ReplayStepReport(step.Index, step.Description ?? "", e.How ?? "", false, e.Message, Stopwatch.GetElapsedTime(t0).TotalMilliseconds) { Crop = step.Crop };
        }
        catch (VisualAgent.Errors.DriverException e)
        {
            return new ReplayStepReport(step.Index, step.Description ?? "", "", false, e.Message, Stopwatch.GetElapsedTime(t0).TotalMilliseconds) { Crop = step.Crop };
        }
    }

    private async Task OpenAsync(string url, ReplaySafety safety, CancellationToken ct)
    {
        if (safety.NavigationRefusal(url) is { } refused)
        {
            throw new ReplayStepException(refused, "policy");
        }

        await driver.NavigateAsync(url, ct).ConfigureAwait(false);
    }

    /// <summary>What every step of one replay shares.</summary>
    private sealed record StepContext(ReplayLadder Ladder, bool Heal, Func<string, string> Map, Func<string, string?> Secret, ReplaySafety Safety, IReadOnlySet<int> BeforeDownload)
    {
        public ActionOutcome? Last { get; set; }

        /// <summary>The healed element's locators now (the step being replayed), for the diff.</summary>
        public IReadOnlyList<ElementLocator>? Healed { get; set; }
    }

    private async Task<string> StepAsync(StepRecord step, StepContext context, CancellationToken ct)
    {
        var intent = step.Intent;
        var verb = intent?.Verb;
        switch (verb)
        {
            case StepVerb.Open:
                await OpenAsync(context.Map(intent!.Value ?? ""), context.Safety, ct).ConfigureAwait(false);
                return "page";
            case StepVerb.Back:
                await driver.GoBackAsync(ct).ConfigureAwait(false);
                return "page";
            case StepVerb.Press:
                context.Last = await driver.ExecuteAsync(new KeyAction(intent!.Keys ?? []), ct).ConfigureAwait(false);
                return "keys";
            case StepVerb.Wait:
                await Task.Delay(TimeSpan.FromSeconds(intent!.Amount ?? 1), _time, ct).ConfigureAwait(false);
                return "wait";
            case StepVerb.Verify or StepVerb.WaitForText:
                return await WaitForTextAsync(intent!.Value ?? "", verb == StepVerb.Verify ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
            case StepVerb.WaitForDownload:
                if (context.Last?.Downloads is not { Count: > 0 } downloads)
                {
                    throw new ReplayStepException("the step before it downloaded nothing", "download");
                }

                return $"downloaded {Path.GetFileName(downloads[0])}";
            case StepVerb.Scroll when step.Locators is not { Count: > 0 }:
                // A scroll inside a target ("scroll down in the list") records its point, not the list's locators: it
                // scrolls there (the replay opens at the recorded viewport), not the page at its centre.
                var recorded = step.Action as ScrollAction;
                var inTarget = intent!.Target is not null && recorded is { X: not null, Y: not null };
                context.Last = await driver.ExecuteAsync(new ScrollAction(inTarget ? recorded!.X : null, inTarget ? recorded!.Y : null, 0, RecordedScroll(step)), ct).ConfigureAwait(false);
                return inTarget ? "scroll at the recorded point" : "scroll";
            case null when step.Description?.StartsWith("manual takeover", StringComparison.Ordinal) == true:
                throw new ReplayStepException("a person did this step by hand in the recorded run: replay cannot", "manual");
            case null:
                throw new ReplayStepException("the step was decided by a model as a raw action (no structured intent): replay it with codegen's coordinates instead", "action");
            case StepVerb.Upload or StepVerb.Done:
                throw new ReplayStepException($"replay does not do {verb.ToString()!.ToLowerInvariant()} steps yet", "unsupported");
        }

        var (element, how) = await context.Ladder.FindAsync(step.Locators ?? [], step.Fingerprint, intent, context.Heal, ct).ConfigureAwait(false);
        if (element?.ClickPoint is not { } point)
        {
            throw new ReplayStepException(element is null ? $"its element was not found: {how}" : "its element is on the page but no point of it can be clicked", "not found");
        }

        if (how.StartsWith("healed", StringComparison.Ordinal))
        {
            // The element's ranked locators as it is now, read before the action changes the page.
            context.Healed = (await driver.ElementAtAsync(point, ct).ConfigureAwait(false))?.Locators;
        }

        context.Last = await ActAsync(step, element, point, how, context, context.BeforeDownload.Contains(step.Index), ct).ConfigureAwait(false);
        if (context.Last.Dialog is not null)
        {
            await driver.AnswerDialogAsync(true, null, ct).ConfigureAwait(false);
        }

        return how;
    }

    /// <summary>
    /// Acts on the element found and checks the effect the recording checked. The action settles lightly (the document
    /// loaded, no request in flight); when its effect does not read back yet, the page is settled fully and it is read
    /// again before the step is failed. A click the recording followed by a download settles fully (downloads arrive late).
    /// </summary>
    private async Task<ActionOutcome> ActAsync(StepRecord step, UiElement element, ScreenPoint point, string how, StepContext context, bool beforeDownload, CancellationToken ct)
    {
        var intent = step.Intent!;
        var (x, y) = (point.X, point.Y);
        var verb = intent.Verb;
        switch (verb)
        {
            case StepVerb.Type:
                if (context.Safety.SecretRefusal(intent, await driver.ElementAtAsync(point, ct).ConfigureAwait(false), driver.CurrentUrl) is { } refused)
                {
                    throw new ReplayStepException(refused, how);
                }

                var text = Resolve(intent.Value ?? "", context.Secret);
                var secret = SecretResolver.ContainsSecret(intent.Value);
                context.Safety.SecretTyped |= secret;
                var typed = await ActLightAsync([new ClickAction(x, y), new KeyAction(["ctrl", "a"]), new TypeAction(text, intent.Submit)], ct).ConfigureAwait(false);
                if (!intent.Submit)
                {
                    await HoldsAsync(_ => ValueProblemAsync(element, text, secret, ct), how, ct).ConfigureAwait(false);
                }

                return typed;
            case StepVerb.Select:
                var chosen = await ActLightAsync([new SelectAction(x, y, intent.Value ?? "")], ct).ConfigureAwait(false);
                await HoldsAsync(async _ =>
                {
                    var selected = await Elements.RefreshAsync(element.Ref, ct).ConfigureAwait(false);
                    return selected?.Value is { } value && string.Equals(value.Trim(), (intent.Value ?? "").Trim(), StringComparison.OrdinalIgnoreCase)
                        ? null
                        : $"{(selected is null ? "the list is gone" : $"\"{selected.Value}\" is selected")}, not \"{intent.Value}\"";
                }, how, ct).ConfigureAwait(false);
                return chosen;
            case StepVerb.Check or StepVerb.Uncheck:
                var want = verb == StepVerb.Check;
                var clicked = element.States.Checked == want ? new ActionOutcome() : await ActLightAsync([new ClickAction(x, y)], ct).ConfigureAwait(false);
                await HoldsAsync(async _ => (await Elements.RefreshAsync(element.Ref, ct).ConfigureAwait(false))?.States.Checked == want ? null : $"it is not {(want ? "checked" : "unchecked")}", how, ct).ConfigureAwait(false);
                return clicked;
            case StepVerb.Hover:
                return await driver.ExecuteAsync(new MoveAction(x, y), ct).ConfigureAwait(false);
            case StepVerb.Scroll:
                return await driver.ExecuteAsync(new ScrollAction(x, y, 0, RecordedScroll(step)), ct).ConfigureAwait(false);
            default:
                var monitor = driver as IActivityMonitor;
                var mark = monitor is null ? null : await monitor.MarkAsync(ct).ConfigureAwait(false);
                var button = verb == StepVerb.RightClick ? MouseButton.Right : MouseButton.Left;
                var click = new ClickAction(x, y, button, verb == StepVerb.DoubleClick ? 2 : 1);
                var outcome = beforeDownload || Batch is null
                    ? await driver.ExecuteAsync(click, ct).ConfigureAwait(false)
                    : await Batch.ExecuteBatchAsync([click], ActionSettle.Light, ct).ConfigureAwait(false);
                await HoldsAsync(async settled =>
                {
                    var delta = mark is null ? null : (await monitor!.MarkAsync(ct).ConfigureAwait(false)).Since(mark);
                    var after = await Elements.RefreshAsync(element.Ref, ct).ConfigureAwait(false);
                    return ClickCheck.Failure(element, after, delta, outcome, settled) is { } failure ? $"the click did not have its effect: {failure}" : null;
                }, how, ct).ConfigureAwait(false);
                return outcome;
        }
    }

    /// <summary>
    /// What the run's scroll moved by: its action's wheel amount (what really happened: "scroll down" and "scroll down in
    /// the list" carry no amount in their words, the run scrolled a share of the screen), else the words' amount.
    /// </summary>
    private static double RecordedScroll(StepRecord step) => (step.Action as ScrollAction)?.Dy ?? step.Intent?.Amount ?? 0;

    /// <summary>The actions back to back with a light settle (one by one with full settles on a driver without batches).</summary>
    private async Task<ActionOutcome> ActLightAsync(AgentAction[] actions, CancellationToken ct)
    {
        if (Batch is { } batch)
        {
            return await batch.ExecuteBatchAsync(actions, ActionSettle.Light, ct).ConfigureAwait(false);
        }

        ActionOutcome outcome = new();
        foreach (var action in actions)
        {
            outcome = await driver.ExecuteAsync(action, ct).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>Passes when the check holds now, or after the page settled fully; else the step fails with what was seen.</summary>
    private async Task HoldsAsync(Func<bool, Task<string?>> problem, string how, CancellationToken ct)
    {
        if (await problem(Batch is null).ConfigureAwait(false) is null)
        {
            return;
        }

        if (Batch is { } batch)
        {
            await batch.SettleAsync(ct).ConfigureAwait(false);
            if (await problem(true).ConfigureAwait(false) is not { } failure)
            {
                return;
            }

            throw new ReplayStepException(failure, how);
        }

        throw new ReplayStepException(await problem(true).ConfigureAwait(false) ?? "its check did not hold", how);
    }

    /// <summary>Null when the field holds what was typed (a password field: as many characters), else what it holds; a secret is never echoed.</summary>
    private async Task<string?> ValueProblemAsync(UiElement element, string text, bool secret, CancellationToken ct)
    {
        var now = await Elements.RefreshAsync(element.Ref, ct).ConfigureAwait(false);
        var value = now?.Value ?? (now?.States.Editable == true ? now.Text : null);
        if (value is null)
        {
            return now is null ? "the field is gone" : "the field has no value to read";
        }

        var masked = value.Length > 0 && value.All(c => c == '•') && !text.All(c => c == '•');
        var held = masked ? value.Length == text.Length : string.Equals(value.Replace("\r\n", "\n", StringComparison.Ordinal), text.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        return held ? null
            : secret || masked || element.InputType == "password" ? $"the field holds {value.Length} characters, not the {text.Length} typed" : $"the field holds \"{value}\", not \"{text}\"";
    }

    /// <summary>
    /// Waits until the page shows the text by the driver's rule (<see cref="IShownText"/>: the same one the run and the
    /// generated scripts apply, scrolling to it); says where it was found, or fails with why it is not shown.
    /// </summary>
    private async Task<string> WaitForTextAsync(string text, TimeSpan within, CancellationToken ct)
    {
        var deadline = _time.GetTimestamp() + (long)(within.TotalSeconds * _time.TimestampFrequency);
        while (true)
        {
            string? problem = null;
            if (driver is IShownText shown)
            {
                var found = await shown.FindShownTextAsync(text, ct).ConfigureAwait(false);
                if (found.Found)
                {
                    return $"text shown: {found.Where}";
                }

                problem = found.Problem;
            }
            else
            {
                var blocks = await Elements.QueryTextAsync(cancellationToken: ct).ConfigureAwait(false);
                if (blocks.Any(b => b.Visible && VisibleText.Contains(b.Text, text)))
                {
                    return "text on the screen";
                }
            }

            if (_time.GetTimestamp() > deadline)
            {
                throw new ReplayStepException(problem ?? $"\"{text}\" is not on the screen", "text");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), _time, ct).ConfigureAwait(false);
        }
    }

    private static string Resolve(string text, Func<string, string?> secret) =>
        string.Concat(ScriptText.Parse(text).Parts.Select(p => p.Secret ? secret(p.Text) ?? "" : p.Text));
}

/// <summary>A replayed step that did not hold: why, and how far the ladder got.</summary>
internal sealed class ReplayStepException(string message, string? how) : Exception(message)
{
    public string? How { get; } = how;
}
