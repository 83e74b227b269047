using System.Diagnostics;
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

        foreach (var problem in outcome.DownloadProblems)
        {
            trace.Notes.Add(problem);
            run.DownloadProblems.Add(problem);
        }

        foreach (var page in outcome.OtherPages)
        {
            trace.Notes.Add($"a page opened by itself ({page}): not followed, the agent stays on its page");
        }

        if ((outcome.Dialog ?? run.NativeDialogs?.PendingDialog) is { } dialog)
        {
            await AnswerDialogAsync(dialog, trace, cancellationToken).ConfigureAwait(false);
        }

        var url = outcome.Location ?? run.Location;
        if (url.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !run.Policy.IsAllowedUrl(url))
        {
            await EnforceAsync(run.Policy.CheckNavigation(url), trace, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After the driver loaded a page (the start URL, an open step, going back): a dialog the page opened as it loaded
    /// is answered now, with the plan's dialog steps when the next steps are those (they then do nothing), else per policy.
    /// </summary>
    public async Task AfterNavigationAsync(StepTrace trace, CancellationToken cancellationToken)
    {
        if (run.NativeDialogs?.PendingDialog is { } dialog)
        {
            await AnswerDialogAsync(dialog, trace, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// The element at the point, and the screen it is on as the run keeps it (the current masked observation, or none
    /// when that may show a secret unmasked): the step's element crop is cut from that screen, never from a fresh capture.
    /// </summary>
    public async Task<ElementFacts?> ElementAtAsync(ScreenPoint point, StepTrace trace, CancellationToken cancellationToken)
    {
        trace.ElementScreen = run.CurrentUnmasked ? null : run.Current;
        try
        {
            return await run.Driver.ElementAtAsync(point, cancellationToken).ConfigureAwait(false);
        }
        catch (DriverException)
        {
            return null;
        }
    }

    /// <summary>The policy's decision for a step, given the element at its point and the element it is aimed at.</summary>
    public PolicyDecision Check(StepIntent intent, ElementFacts? element, UiElement? aimed = null)
    {
        if (aimed is not null)
        {
            element = (element ?? new ElementFacts()) with
            {
                Role = element?.Role ?? aimed.Role,
                Name = element?.Name ?? aimed.Name,
                Text = element?.Text ?? aimed.Text,
                Label = element?.Label ?? aimed.Label,
                Placeholder = element?.Placeholder ?? aimed.Placeholder,
                InputType = element?.InputType ?? aimed.InputType,
                Tag = element?.Tag ?? aimed.Tag,
            };
        }

        return run.Policy.Check(intent, element, run.Location);
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
        await (run.NativeDialogs ?? throw new DriverException("This driver has no native dialogs to answer.")).AnswerDialogAsync(accept, text, cancellationToken).ConfigureAwait(false);
        run.Current = null;
        var by = planned is null ? "" : " as the plan says";
        trace.Notes.Add($"{dialog.Kind.ToString().ToLowerInvariant()} dialog \"{dialog.Message}\" {(accept ? "accepted" : "dismissed")}{by}");
    }
}
