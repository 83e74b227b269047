using System.Diagnostics;
using System.Runtime.ExceptionServices;
using VisualAgent.Actions;
using VisualAgent.Agent.Offline;
using VisualAgent.Drivers;
using VisualAgent.Errors;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Agent;

/// <summary>One turn of the loop, recorded whatever happens.</summary>
public sealed partial class AgentRunner
{
    private async Task StepAsync(LoopState loop, CancellationToken cancellationToken)
    {
        var run = loop.Run;
        var started = _time.GetUtcNow();
        var t0 = Stopwatch.GetTimestamp();
        var shot = run.Current ?? await run.CaptureAsync(cancellationToken).ConfigureAwait(false);
        var decision = await _planner.DecideAsync(
            new PlannerContext
            {
                Goal = loop.Request.Goal, Screenshot = shot, History = loop.History, Location = shot.Location ?? (_driver as INavigation)?.CurrentUrl,
                StepIndex = loop.Index + 1,
            },
            cancellationToken).ConfigureAwait(false);
        if (decision.Raw is not null || decision.Usage is not null)
        {
            run.CountModelCall(decision.Usage);
        }

        if (IsFinal(decision, loop))
        {
            return;
        }

        // The bound is on steps taken: a plan of exactly MaxSteps steps ends with its "done", not with the limit.
        if (loop.Index >= _options.MaxSteps)
        {
            loop.End(RunStatus.Failed, $"the step limit ({_options.MaxSteps}) was reached", FailureCause.Limit);
            return;
        }

        var index = ++loop.Index;
        var trace = new StepTrace { PlannerRaw = decision.Raw, SentSize = decision.SentSize, ModelMs = decision.Latency.TotalMilliseconds };
        trace.AddUsage(decision.Usage);
        trace.Notes.AddRange(run.CarriedNotes);
        run.CarriedNotes.Clear();
        var shotPath = await SaveShotAsync(run, index, shot, trace, cancellationToken).ConfigureAwait(false);
        var (outcome, error, stop, cause) = await ExecuteAsync(decision, run, trace, cancellationToken).ConfigureAwait(false);
        if (_driver is IRequestGuard guard && guard.TakeBlockedRequests() is { Count: > 0 } blocked)
        {
            trace.Notes.AddRange(blocked.Select(b => "blocked before it left: " + b.Reason).Distinct().Take(5));
            // The page meant to go somewhere the policy forbids: whatever the step's own check said, it did not do what it meant.
            if (outcome == StepOutcome.Ok && blocked.FirstOrDefault(b => b.IsNavigation) is { } away)
            {
                (outcome, error, stop, cause) = (StepOutcome.Blocked, away.Reason, new PolicyBlockedException(away.Reason), FailureCause.Policy);
            }
        }

        var annotated = await AnnotateAsync(loop, index, shot, shotPath, trace).ConfigureAwait(false);
        var crop = await CropAsync(loop, index, trace).ConfigureAwait(false);
        var description = decision switch
        {
            PlannerDecision.Described d => StepParser.Describe(d.Step),
            PlannerDecision.Grounded g => $"{g.Act.Name}{(g.Act.Thought is { } t ? $": {t}" : "")}",
            _ => throw new UnreachableException(),
        };
        if (trace.Notes.Count > 0)
        {
            description += $" [{string.Join("; ", trace.Notes)}]";
        }

        var record = new StepRecord
        {
            Index = index, Started = started, Ended = _time.GetUtcNow(), Description = description,
            Screenshot = shotPath, ScreenshotSize = shot.Size, AnnotatedScreenshot = annotated, Model = ModelName(decision),
            SentSize = trace.SentSize, RawReply = trace.RawReply, Action = trace.Action, Element = trace.Element is { } element ? element with { Locators = null, Fingerprint = null } : null, ElementPath = trace.Element?.Path,
            Locators = trace.Element is not { Tag: "canvas" } && trace.Element?.Locators is { Count: > 0 } locators ? locators : null, Fingerprint = trace.Element?.Fingerprint,
            NoLocator = NoLocatorReason(trace), Crop = crop,
            Confidence = trace.Confidence, Outcome = outcome, Error = error, ScreenChange = trace.ScreenChange, Usage = trace.Usage,
            Cost = loop.Request.Price?.CostOf(trace.Usage, trace.ModelMs),
            ModelMs = trace.ModelMs, ActMs = trace.ActMs, TotalMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds,
            Intent = decision.Intent, Check = trace.Check ?? trace.Probe.Decided, Grounding = trace.Grounding,
        };
        loop.CountCheck(record.Check);
        await loop.Writer.AppendStepAsync(record, CancellationToken.None).ConfigureAwait(false);
        StepRecorded?.Invoke(record with { Description = _secrets.Masker.Apply(record.Description), RawReply = _secrets.Masker.Apply(record.RawReply), Error = _secrets.Masker.Apply(record.Error) });
        loop.History.Add(_secrets.Masker.Apply($"{index}. {description} -> {outcome.Name()}{(error is null ? "" : $": {error}")}")!);
        Log.StepEnded(_logger, index, _secrets.Masker.Apply(description)!, outcome.Name());
        loop.ModelMs += trace.ModelMs;
        if (stop is not null)
        {
            ExceptionDispatchInfo.Throw(stop);
        }

        if (NoProgress(loop, decision, record) is { } stuck)
        {
            loop.End(RunStatus.Failed, stuck, FailureCause.NoProgress);
            return;
        }

        if (outcome == StepOutcome.Ok)
        {
            loop.OkSteps++;
            loop.ConsecutiveFailures = 0;
            return;
        }

        Log.StepFailed(_logger, index, _secrets.Masker.Apply(error) ?? "");
        if (!_options.ContinueAfterFailedStep || ++loop.ConsecutiveFailures >= _options.MaxConsecutiveFailures)
        {
            loop.End(RunStatus.Failed, $"step {index} failed: {error}", cause);
        }
    }

    /// <summary>A step changed less of the screen than this: "unchanged" for the no-progress guard.</summary>
    internal const double UnchangedScreen = 0.001;

    /// <summary>
    /// The no-progress guard: the same action on an unchanged screen <see cref="AgentOptions.NoProgressRepeats"/> times
    /// in a row tells the planner so once (a line in its history: a re-plan with that fact); one more such repeat ends
    /// the run with the reason. Any change of the screen or another action starts over.
    /// </summary>
    private string? NoProgress(LoopState loop, PlannerDecision decision, StepRecord step)
    {
        var action = ActionKey(decision);
        if (action is null || step.ScreenChange is not { } change || change >= UnchangedScreen)
        {
            (loop.RepeatedAction, loop.Repeats, loop.ToldNoProgress) = (null, 0, false);
            return null;
        }

        loop.Repeats = action == loop.RepeatedAction ? loop.Repeats + 1 : 1;
        loop.RepeatedAction = action;
        var n = _options.NoProgressRepeats;
        if (loop.Repeats < n)
        {
            return null;
        }

        var what = _secrets.Masker.Apply(action);
        if (!loop.ToldNoProgress)
        {
            loop.ToldNoProgress = true;
            loop.Repeats = n - 1;
            loop.History.Add($"NOTE: the last {n} steps did the same action ({what}) and the screen did not change: it has no effect here. Do something else, or finish (done with failure) if the task cannot be done.");
            Log.NoProgressNoted(_logger, step.Index, n);
            return null;
        }

        return $"no progress: the same action ({what}) on an unchanged screen {n} times in a row, and again after the planner was told so (step {step.Index})";
    }

    /// <summary>What makes two decisions "the same action": the verb and its values, points on a 16-pixel grid.</summary>
    private static string? ActionKey(PlannerDecision decision) => decision switch
    {
        PlannerDecision.Described d => d.Step.Source is { Length: > 0 } source ? source : StepParser.Describe(d.Step),
        PlannerDecision.Grounded g => ActionJson.Serialize(g.Act is { Target: { } p } ? Rounded(g.Act, p) : g.Act with { Thought = null }),
        _ => null,
    };

    private static AgentAction Rounded(AgentAction act, Geometry.ScreenPoint p) => act switch
    {
        ClickAction c => c with { X = Math.Round(p.X / 16) * 16, Y = Math.Round(p.Y / 16) * 16, Thought = null, Box = null },
        _ => act with { Thought = null },
    };

    /// <summary>Done and answer decisions end the run without acting.</summary>
    private static bool IsFinal(PlannerDecision decision, LoopState loop)
    {
        switch (decision)
        {
            case { Intent.Verb: StepVerb.Done }:
                loop.End(RunStatus.Succeeded, decision.Intent.Source is { Length: > 0 } s ? s : "done");
                return true;
            case { Action: DoneAction done }:
                loop.Answer = done.Answer;
                loop.End(done.Status == DoneStatus.Success ? RunStatus.Succeeded : RunStatus.Failed, "the planner said the task is " + (done.Status == DoneStatus.Success ? "done" : "failed"));
                return true;
            case { Action: AnswerAction answer }:
                loop.Answer = answer.Text;
                loop.End(RunStatus.Succeeded, "the planner answered");
                return true;
            default:
                return false;
        }
    }

    private async Task<(StepOutcome Outcome, string? Error, Exception? Stop, FailureCause Cause)> ExecuteAsync(
        PlannerDecision decision, RunContext run, StepTrace trace, CancellationToken cancellationToken)
    {
        var executor = new StepExecutor(run);
        try
        {
            switch (decision)
            {
                case PlannerDecision.Described d:
                    await executor.ExecuteAsync(d.Step, trace, cancellationToken).ConfigureAwait(false);
                    break;
                case PlannerDecision.Grounded g:
                    await new ActionExecutor(run, executor.Actor).ExecuteAsync(g.Act, trace, cancellationToken).ConfigureAwait(false);
                    break;
            }

            return (StepOutcome.Ok, null, null, FailureCause.None);
        }
        catch (PolicyBlockedException e)
        {
            return (StepOutcome.Blocked, e.Message, e, FailureCause.Policy);
        }
        catch (StepFailedException e)
        {
            return (StepOutcome.Failed, e.Message, null, e.Cause);
        }
        catch (OperationCanceledException e)
        {
            return (StepOutcome.Failed, InterruptedReason, e, FailureCause.Interrupted);
        }
        catch (VisualAgentException e)
        {
            return (StepOutcome.Failed, e.Message, e, FailureCause.Error);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug: the step is recorded, then the run ends as failed ("internal error") and the exception goes on.
            return (StepOutcome.Failed, $"{InternalErrorReason}: {e.GetType().Name}: {e.Message}", e, FailureCause.Error);
        }
    }

    /// <summary>Saves the observation as captured (already masked by <see cref="RunContext.CaptureAsync"/>).</summary>
    private static async Task<string?> SaveShotAsync(RunContext run, int index, Screenshot shot, StepTrace trace, CancellationToken cancellationToken)
    {
        if (run.CurrentUnmasked && ReferenceEquals(shot, run.Current))
        {
            trace.Notes.Add("screenshot not saved: it may show a secret and no screenshot masker is configured");
            return null;
        }

        return await run.Writer.SaveShotAsync(index, shot.Png, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Draws the grounded point and box on the step's screenshot as held in memory: the very bytes
    /// <see cref="SaveShotAsync"/> wrote (already masked), never read back from disk.</summary>
    private async Task<string?> AnnotateAsync(LoopState loop, int index, Screenshot shot, string? shotPath, StepTrace trace)
    {
        if (_annotator is null || shotPath is null || trace.Action?.Target is not { } point)
        {
            return null;
        }

        var annotated = await _annotator.AnnotateAsync(shot.Png.ToArray(), point, trace.Action.BoxValue).ConfigureAwait(false);
        return await loop.Writer.SaveShotAsync(index, annotated, annotated: true).ConfigureAwait(false);
    }

    /// <summary>Padding around an element crop, in screenshot pixels, and the longest side a crop is scaled down to.</summary>
    internal const int CropPadding = 8, CropMaxSide = 480;

    /// <summary>
    /// Cuts the acted-on element out of the screen its box was read against (the observation as the run keeps it:
    /// fields holding a secret already blanked) for shots/NNN.element.png; none without a box, a screen or an annotator.
    /// A crop is a record, never a reason to fail a step.
    /// </summary>
    private async Task<string?> CropAsync(LoopState loop, int index, StepTrace trace)
    {
        if (_annotator is null || trace.Element?.Box is not { } box || trace.ElementScreen is not { } screen)
        {
            return null;
        }

        try
        {
            var png = await _annotator.CropAsync(screen.Png.ToArray(), box, CropPadding, CropMaxSide).ConfigureAwait(false);
            return png is null ? null : await loop.Writer.SaveCropAsync(index, png).ConfigureAwait(false);
        }
        catch (Exception e) when (e is VisualAgentException or IOException or ArgumentException)
        {
            trace.Notes.Add($"element crop not saved: {e.Message}");
            return null;
        }
    }

    /// <summary>Why a step that acted at a point records no locators; null when it has some or acted at no point.</summary>
    private static string? NoLocatorReason(StepTrace trace)
    {
        if (trace.Action?.Target is null)
        {
            return null;
        }

        // A point on a canvas is the locator: the canvas element's own locator would aim at its centre, not the point.
        if (trace.Element is { Tag: "canvas" })
        {
            return "a canvas: its content has no elements, so the point is the locator";
        }

        if (trace.Element?.Locators is { Count: > 0 })
        {
            return null;
        }

        return trace.Element switch
        {
            null => "no element the driver can see at the point (pixels only): replayed and exported as coordinates",
            { Tag: "canvas" } => "a canvas: its content has no elements, so the point is the locator",
            { Locators: null } => "the driver gave no locators for this surface",
            _ => "no locator matched the element",
        };
    }

    private string ModelName(PlannerDecision decision) =>
        decision.Raw is not null ? _planner.Name : _grounder.Name;
}
