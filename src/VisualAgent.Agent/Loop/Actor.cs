using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using VisualAgent.Actions;
using VisualAgent.Agent.Policy;
using VisualAgent.Drivers;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Planning;

namespace VisualAgent.Agent;

/// <summary>
/// Acts through the driver and deals with what an action leaves behind: downloads are kept, native dialogs are
/// answered per policy, a page that left the allowed origins blocks the run. Also enforces policy decisions.
/// </summary>
internal sealed class Actor(RunContext run)
{
    public async Task<ActionOutcome> ActAsync(AgentAction action, StepTrace trace, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await run.Driver.ExecuteAsync(action, cancellationToken).ConfigureAwait(false);
        trace.ActMs += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        run.Current = null;
        await AfterAsync(outcome, trace, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    public async Task AfterAsync(ActionOutcome outcome, StepTrace trace, CancellationToken cancellationToken)
    {
        foreach (var path in outcome.Downloads)
        {
            try
            {
                run.Downloads.Add(run.Writer.KeepDownload(path));
            }
            catch (IOException e)
            {
                trace.Notes.Add($"download {Path.GetFileName(path)} could not be kept: {e.Message}");
            }
        }

        if ((outcome.Dialog ?? run.Driver.PendingDialog) is { } dialog)
        {
            await AnswerDialogAsync(dialog, trace, cancellationToken).ConfigureAwait(false);
        }

        var url = outcome.Location ?? run.Driver.CurrentUrl;
        if (url.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !run.Policy.IsAllowedUrl(url))
        {
            await EnforceAsync(run.Policy.CheckNavigation(url), trace, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Allow goes on; Deny throws; NeedsConfirmation asks once per step and throws when refused.</summary>
    public async Task EnforceAsync(PolicyDecision decision, StepTrace trace, CancellationToken cancellationToken)
    {
        switch (decision.Verdict)
        {
            case PolicyVerdict.Allow:
                return;
            case PolicyVerdict.Deny:
                throw new PolicyBlockedException($"Blocked: {decision.Reason}.");
            default:
                if (trace.Confirmed)
                {
                    return;
                }

                if (!await run.Prompt.ConfirmAsync(run.Secrets.Masker.Apply(decision.Reason)!, cancellationToken).ConfigureAwait(false))
                {
                    throw new PolicyBlockedException($"Blocked: {decision.Reason}; not confirmed ({run.Prompt.Name}).");
                }

                trace.Confirmed = true;
                trace.Notes.Add($"confirmed: {decision.Reason}");
                return;
        }
    }

    public async Task<ElementFacts?> ElementAtAsync(ScreenPoint point, CancellationToken cancellationToken)
    {
        try
        {
            return await run.Driver.ElementAtAsync(point, cancellationToken).ConfigureAwait(false);
        }
        catch (DriverException)
        {
            return null;
        }
    }

    /// <summary>The checked state of the checkbox or radio at (or labelled at) the point; null when unknown.</summary>
    public async Task<bool?> CheckedAtAsync(ScreenPoint point, CancellationToken cancellationToken)
    {
        var dpr = run.Current?.DeviceScaleFactor is > 0 and var d ? d : 1;
        var js = string.Create(CultureInfo.InvariantCulture, $$"""
            (() => { const e = document.elementFromPoint({{point.X / dpr}}, {{point.Y / dpr}}); if (!e) return null;
              const isBox = c => c instanceof HTMLInputElement && (c.type === 'checkbox' || c.type === 'radio');
              let c = e; if (!isBox(c) && e.tagName === 'LABEL') c = e.control;
              if (!isBox(c)) { const l = e.closest('label'); c = l ? l.control : e.querySelector('input[type=checkbox],input[type=radio]'); }
              return isBox(c) ? c.checked : null; })()
            """);
        var json = await TryEvaluateAsync(js, cancellationToken).ConfigureAwait(false);
        return json is "true" ? true : json is "false" ? false : null;
    }

    /// <summary>The centre (screenshot pixels) of the first visible select that has the option, or null.</summary>
    public async Task<ScreenPoint?> FindSelectAsync(string option, CancellationToken cancellationToken)
    {
        var js = $$"""
            (() => { const want = {{JsonSerializer.Serialize(option.Trim().ToLowerInvariant())}};
              for (const s of document.querySelectorAll('select')) { const r = s.getBoundingClientRect();
                if (r.width === 0 || r.height === 0) continue;
                for (const o of s.options) if (o.text.trim().toLowerCase() === want || o.value.toLowerCase() === want)
                  return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }
              return null; })()
            """;
        var json = await TryEvaluateAsync(js, cancellationToken).ConfigureAwait(false);
        if (json is null || json == "null")
        {
            return null;
        }

        using var doc = JsonDocument.Parse(json);
        var dpr = run.Current?.DeviceScaleFactor is > 0 and var d ? d : 1;
        return new ScreenPoint(doc.RootElement.GetProperty("x").GetDouble() * dpr, doc.RootElement.GetProperty("y").GetDouble() * dpr);
    }

    public PolicyDecision Check(StepIntent intent, ElementFacts? element) => run.Policy.Check(intent, element, run.Driver.CurrentUrl);

    private async Task<string?> TryEvaluateAsync(string js, CancellationToken cancellationToken)
    {
        try
        {
            return await run.Driver.EvaluateAsync(js, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DriverException or NotSupportedException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Answers a dialog with the plan's answer when it has one, else per policy (accept, with the default text).</summary>
    public async Task AnswerDialogAsync(NativeDialog dialog, StepTrace trace, CancellationToken cancellationToken, DialogAnswer? planned = null)
    {
        planned ??= run.Dialogs.TakeForOpenedDialog();
        var decision = run.Policy.CheckDialog(dialog);
        var accept = (planned?.Accept ?? true)
            && (decision.Verdict == PolicyVerdict.Allow
                || (decision.Verdict == PolicyVerdict.NeedsConfirmation
                    && await run.Prompt.ConfirmAsync(decision.Reason!, cancellationToken).ConfigureAwait(false)));
        var text = accept ? (planned?.Text is { } t ? run.Secrets.Resolve(t) : dialog.DefaultValue) : null;
        await run.Driver.AnswerDialogAsync(accept, text, cancellationToken).ConfigureAwait(false);
        run.Current = null;
        var by = planned is null ? "" : " as the plan says";
        trace.Notes.Add($"{dialog.Kind.ToString().ToLowerInvariant()} dialog \"{dialog.Message}\" {(accept ? "accepted" : "dismissed")}{by}");
    }
}
