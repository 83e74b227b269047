using System.Diagnostics;
using System.Text.Json;
using VisualAgent.Actions;
using VisualAgent.Agent.Runs;
using VisualAgent.Agent.Targets;
using VisualAgent.Codegen.Plans;
using VisualAgent.Drivers;
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

    public async Task<ReplayReport> RunAsync(RunDetails details, HealMode heal, string? baseUrl, Func<string, string?> secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(secret);
        if (driver is not ILocatorResolver resolver || driver is not IElementQuery elements)
        {
            throw new VisualAgent.Errors.UsageException("Replay needs a web driver that resolves locators and reads the page's elements.");
        }

        var plan = PlanBuilder.Build(details);
        var missing = plan.Secrets.Where(s => secret(s) is null).ToList();
        if (missing.Count > 0)
        {
            throw new VisualAgent.Errors.UsageException($"Replay needs the environment variable(s) {string.Join(", ", missing)}: the run typed them (secrets). Set them for this command.");
        }

        var recordedBase = plan.BaseUrl?.TrimEnd('/');
        string Map(string url) => baseUrl is not null && recordedBase is not null && url.StartsWith(recordedBase, StringComparison.OrdinalIgnoreCase) ? baseUrl.TrimEnd('/') + url[recordedBase.Length..] : url;
        var ladder = new ReplayLadder(resolver, elements);
        var reports = new List<ReplayStepReport>();
        var started = Stopwatch.GetTimestamp();
        string? reason = plan.StoppedAt is null ? null : $"the recording ends early: {plan.StoppedAt}";
        ActionOutcome? last = null;
        if (details.Run.StartUrl is { } start)
        {
            await driver.NavigateAsync(Map(start), cancellationToken).ConfigureAwait(false);
        }

        foreach (var step in details.Steps.Where(s => s.Outcome == StepOutcome.Ok))
        {
            var t0 = Stopwatch.GetTimestamp();
            var how = "";
            string? error = null;
            ReplayStepReport report;
            try
            {
                (how, last, var element) = await StepAsync(step, ladder, heal != HealMode.Off, Map, secret, last, cancellationToken).ConfigureAwait(false);
                var healed = how.StartsWith("healed", StringComparison.Ordinal);
                var now = healed && element?.ClickPoint is { } at ? (await driver.ElementAtAsync(at, cancellationToken).ConfigureAwait(false))?.Locators : null;
                report = new ReplayStepReport(step.Index, step.Description ?? "", how, true, null, Stopwatch.GetElapsedTime(t0).TotalMilliseconds)
                {
                    Healed = healed, NewLocators = now, OldLocators = step.Locators,
                };
            }
            catch (ReplayStepException e)
            {
                error = e.Message;
                report = new ReplayStepReport(step.Index, step.Description ?? "", e.How ?? how, false, error, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
            catch (VisualAgent.Errors.DriverException e)
            {
                error = e.Message;
                report = new ReplayStepReport(step.Index, step.Description ?? "", how, false, error, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }

            reports.Add(report);
            if (!report.Ok)
            {
                reason = $"step {step.Index} ({step.Description}) failed: {error}";
                break;
            }
        }

        var succeeded = reports.Count > 0 && reports.All(r => r.Ok) && plan.StoppedAt is null && details.Run.Status == RunStatus.Succeeded;
        var report2 = new ReplayReport(details.Run.Id, succeeded, succeeded ? null : reason ?? $"the recorded run ended {details.Run.Status.ToString().ToLowerInvariant()}", reports, Stopwatch.GetElapsedTime(started).TotalMilliseconds, details.Run.DurationMs, details.Run.ModelCalls);
        if (heal != HealMode.Off && reports.Any(r => r.Healed))
        {
            report2 = report2 with { DiffPath = await HealDiff.WriteAsync(details, reports, cancellationToken).ConfigureAwait(false) };
            if (heal == HealMode.Apply && succeeded)
            {
                await HealDiff.ApplyAsync(details, reports, cancellationToken).ConfigureAwait(false);
                report2 = report2 with { Applied = true };
            }
        }

        return report2;
    }

    private async Task<(string How, ActionOutcome? Last, UiElement? Element)> StepAsync(
        StepRecord step, ReplayLadder ladder, bool heal, Func<string, string> map, Func<string, string?> secret, ActionOutcome? last, CancellationToken ct)
    {
        var intent = step.Intent;
        var verb = intent?.Verb;
        switch (verb)
        {
            case StepVerb.Open:
                await driver.NavigateAsync(map(intent!.Value ?? ""), ct).ConfigureAwait(false);
                return ("page", null, null);
            case StepVerb.Back:
                await driver.GoBackAsync(ct).ConfigureAwait(false);
                return ("page", null, null);
            case StepVerb.Press:
                return ("keys", await driver.ExecuteAsync(new KeyAction(intent!.Keys ?? []), ct).ConfigureAwait(false), null);
            case StepVerb.Wait:
                await Task.Delay(TimeSpan.FromSeconds(intent!.Amount ?? 1), _time, ct).ConfigureAwait(false);
                return ("wait", last, null);
            case StepVerb.Verify or StepVerb.WaitForText:
                await WaitForTextAsync(intent!.Value ?? "", verb == StepVerb.Verify ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
                return ("text on the screen", last, null);
            case StepVerb.WaitForDownload:
                if (last?.Downloads is not { Count: > 0 })
                {
                    throw new ReplayStepException("the step before it downloaded nothing", "download");
                }

                return ($"downloaded {Path.GetFileName(last.Downloads[0])}", last, null);
            case StepVerb.Scroll when step.Locators is not { Count: > 0 }:
                return ("scroll", await driver.ExecuteAsync(new ScrollAction(null, null, 0, intent!.Amount ?? 0), ct).ConfigureAwait(false), null);
            case null when step.Description?.StartsWith("manual takeover", StringComparison.Ordinal) == true:
                throw new ReplayStepException("a person did this step by hand in the recorded run: replay cannot", "manual");
            case null:
                throw new ReplayStepException("the step was decided by a model as a raw action (no structured intent): replay it with codegen's coordinates instead", "action");
            case StepVerb.Upload or StepVerb.Done:
                throw new ReplayStepException($"replay does not do {verb.ToString()!.ToLowerInvariant()} steps yet", "unsupported");
        }

        var (element, how) = await ladder.FindAsync(step.Locators ?? [], step.Fingerprint, intent, heal, ct).ConfigureAwait(false);
        if (element?.ClickPoint is not { } point)
        {
            throw new ReplayStepException(element is null ? $"its element was not found: {how}" : "its element is on the page but no point of it can be clicked", "not found");
        }

        var x = point.X;
        var y = point.Y;
        ActionOutcome outcome;
        switch (verb)
        {
            case StepVerb.Type:
                await driver.ExecuteAsync(new ClickAction(x, y), ct).ConfigureAwait(false);
                await driver.ExecuteAsync(new KeyAction(["ctrl", "a"]), ct).ConfigureAwait(false);
                var text = Resolve(intent!.Value ?? "", secret);
                outcome = await driver.ExecuteAsync(new TypeAction(text, intent.Submit), ct).ConfigureAwait(false);
                if (!intent.Submit && !(intent.Value ?? "").Contains("{{secret:", StringComparison.Ordinal) && element.InputType != "password")
                {
                    var now = await Elements.RefreshAsync(element.Ref, ct).ConfigureAwait(false);
                    if (now?.Value != text)
                    {
                        throw new ReplayStepException($"the field holds \"{now?.Value}\", not \"{text}\"", how);
                    }
                }

                break;
            case StepVerb.Select:
                outcome = await driver.ExecuteAsync(new SelectAction(x, y, intent!.Value ?? ""), ct).ConfigureAwait(false);
                var selected = await Elements.RefreshAsync(element.Ref, ct).ConfigureAwait(false);
                if (selected?.Value is { } value && !string.Equals(value, intent.Value, StringComparison.Ordinal))
                {
                    throw new ReplayStepException($"\"{value}\" is selected, not \"{intent.Value}\"", how);
                }

                break;
            case StepVerb.Check or StepVerb.Uncheck:
                var want = verb == StepVerb.Check;
                outcome = element.States.Checked == want ? new ActionOutcome() : await driver.ExecuteAsync(new ClickAction(x, y), ct).ConfigureAwait(false);
                if ((await Elements.RefreshAsync(element.Ref, ct).ConfigureAwait(false))?.States.Checked != want)
                {
                    throw new ReplayStepException($"it is not {(want ? "checked" : "unchecked")}", how);
                }

                break;
            case StepVerb.Hover:
                outcome = await driver.ExecuteAsync(new MoveAction(x, y), ct).ConfigureAwait(false);
                break;
            case StepVerb.Scroll:
                outcome = await driver.ExecuteAsync(new ScrollAction(x, y, 0, intent!.Amount ?? 0), ct).ConfigureAwait(false);
                break;
            default:
                var button = verb == StepVerb.RightClick ? MouseButton.Right : MouseButton.Left;
                outcome = await driver.ExecuteAsync(new ClickAction(x, y, button, verb == StepVerb.DoubleClick ? 2 : 1), ct).ConfigureAwait(false);
                break;
        }

        if (outcome.Dialog is not null)
        {
            await driver.AnswerDialogAsync(true, null, ct).ConfigureAwait(false);
        }

        return (how, outcome, element);
    }

    private async Task WaitForTextAsync(string text, TimeSpan within, CancellationToken ct)
    {
        var deadline = _time.GetTimestamp() + (long)(within.TotalSeconds * _time.TimestampFrequency);
        while (true)
        {
            var blocks = await Elements.QueryTextAsync(cancellationToken: ct).ConfigureAwait(false);
            if (blocks.Any(b => b.Visible && VisibleText.Contains(b.Text, text)))
            {
                return;
            }

            if (_time.GetTimestamp() > deadline)
            {
                throw new ReplayStepException($"\"{text}\" is not on the screen", "text");
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
