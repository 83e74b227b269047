using VisualAgent.Agent.Offline;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Agent;

/// <summary>
/// Carries out one step decided in words: ground its target (scrolling to find it), check the policy, act, and verify
/// that the screen changed when it should; a failed or ineffective attempt is retried on a fresh screenshot, at most
/// <see cref="AgentOptions.StepRetries"/> times.
/// </summary>
internal sealed partial class StepExecutor(RunContext run)
{
    private readonly TargetLocator _locator = new(run);
    private readonly Actor _actor = new(run);
    private readonly StepChecker _checker = new(run);

    public Actor Actor => _actor;

    public async Task ExecuteAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var before = run.Current ?? await run.CaptureAsync(cancellationToken).ConfigureAwait(false);
            trace.Probe = new StepProbe();
            try
            {
                if (run.Activity is { } activity && run.Elements is not null)
                {
                    trace.Probe.Mark = await activity.MarkAsync(cancellationToken).ConfigureAwait(false);
                }

                var expectChange = await ExecuteOnceAsync(intent, trace, cancellationToken).ConfigureAwait(false);
                double? change = null;
                if (expectChange || trace.Probe.Element is not null || trace.Probe.Mark is not null)
                {
                    await run.SettleAsync(cancellationToken).ConfigureAwait(false);
                    before = trace.Probe.Before ?? before;
                    var after = await run.CaptureAsync(cancellationToken).ConfigureAwait(false);
                    change = run.ScreenChange.Change(before.Png, after.Png);
                    trace.ScreenChange = change;
                }

                if (await _checker.CheckAsync(intent, trace.Probe, change, cancellationToken).ConfigureAwait(false) is var (check, delta))
                {
                    trace.Check = check;
                    if (check.Held)
                    {
                        return;
                    }

                    var failed = $"the step's check failed: expected {check.Expected}, observed {check.Observed}";
                    if (attempt >= run.Options.StepRetries)
                    {
                        throw new StepFailedException($"{failed} ({attempt + 1} attempts)", final: true, FailureCause.CheckFailed);
                    }

                    var effect = delta is null || delta.Any || delta.Unknown || change > 0;
                    var typedOnly = intent.Verb == StepVerb.Type && !intent.Submit && delta?.SideEffects != true;
                    if (trace.Probe.NoRepeat || (effect && !typedOnly))
                    {
                        var why = trace.Probe.NoRepeat ? "it submits a form or needed confirmation" : $"the first attempt had an effect ({delta?.ToString() ?? "the screen changed"})";
                        throw new StepFailedException($"{failed}; not repeated automatically: {why}", final: true, FailureCause.CheckFailed);
                    }

                    trace.Notes.Add($"attempt {attempt + 1}: {failed}; it had no effect, trying again");
                }
                else
                {
                    if (!expectChange || trace.ScreenChange > 0)
                    {
                        return;
                    }

                    var what = $"the screen did not change after {StepParser.Describe(intent)}";
                    if (attempt >= run.Options.StepRetries)
                    {
                        if (run.Options.FailWhenScreenUnchanged)
                        {
                            throw new StepFailedException($"{what} ({attempt + 1} attempts)", final: true, FailureCause.CheckFailed);
                        }

                        trace.Notes.Add($"warning: {what} ({attempt + 1} attempts)");
                        return;
                    }

                    trace.Notes.Add($"attempt {attempt + 1}: {what}; trying again");
                }
            }
            catch (StepFailedException e) when (!e.Final && attempt < run.Options.StepRetries)
            {
                trace.Check = trace.Probe.Decided ?? trace.Check;
                trace.Notes.Add($"attempt {attempt + 1}: {e.Message}; trying again");
            }

            await Task.Delay(run.Options.RetryDelay, run.Time, cancellationToken).ConfigureAwait(false);
            await run.CaptureAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One attempt; true when the action should have changed the screen.</summary>
    private Task<bool> ExecuteOnceAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken) => intent.Verb switch
    {
        _ when DialogTarget.Answers(intent) => AnswerDialogAsync(intent, trace, cancellationToken),
        StepVerb.Open => OpenAsync(intent, trace, cancellationToken),
        StepVerb.Back => BackAsync(trace, cancellationToken),
        StepVerb.Click or StepVerb.DoubleClick or StepVerb.RightClick or StepVerb.Hover => PointAsync(intent, trace, cancellationToken),
        StepVerb.Type => TypeAsync(intent, trace, cancellationToken),
        StepVerb.Select => SelectAsync(intent, trace, cancellationToken),
        StepVerb.Check or StepVerb.Uncheck => CheckAsync(intent, trace, cancellationToken),
        StepVerb.Press => PressAsync(intent, trace, cancellationToken),
        StepVerb.Scroll => ScrollAsync(intent, trace, cancellationToken),
        StepVerb.Upload => UploadAsync(intent, trace, cancellationToken),
        StepVerb.WaitForText => WaitForTextAsync(intent, trace, cancellationToken),
        StepVerb.WaitForDownload => WaitForDownloadAsync(trace, cancellationToken),
        StepVerb.Wait => WaitAsync(intent, trace, cancellationToken),
        StepVerb.Verify => VerifyAsync(intent, trace, cancellationToken),
        _ => throw new StepFailedException($"the step \"{intent.Verb}\" cannot be carried out here", final: true),
    };
}
