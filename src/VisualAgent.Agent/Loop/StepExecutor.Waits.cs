using VisualAgent.Actions;
using VisualAgent.Planning;

namespace VisualAgent.Agent;

/// <summary>Waiting and verifying: bounded polls of the screen and of the driver's downloads.</summary>
internal sealed partial class StepExecutor
{
    private async Task<bool> WaitForTextAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        var text = Required(intent.Value, intent);
        var started = run.Time.GetTimestamp();
        while (true)
        {
            run.Current ??= await run.CaptureAsync(cancellationToken).ConfigureAwait(false);
            if (await _locator.TryGroundAsync(text, trace, cancellationToken).ConfigureAwait(false) is not null)
            {
                return false;
            }

            if (run.Time.GetElapsedTime(started) >= run.Options.WaitTimeout)
            {
                throw new StepFailedException($"\"{text}\" did not appear within {run.Options.WaitTimeout.TotalSeconds:0.#} s", final: true);
            }

            await Task.Delay(run.Options.PollInterval, run.Time, cancellationToken).ConfigureAwait(false);
            run.Current = null;
        }
    }

    private async Task<bool> WaitForDownloadAsync(StepTrace trace, CancellationToken cancellationToken)
    {
        var started = run.Time.GetTimestamp();
        while (run.Downloads.Count <= run.DownloadsAwaited)
        {
            if (run.Time.GetElapsedTime(started) >= run.Options.WaitTimeout)
            {
                throw new StepFailedException($"no download arrived within {run.Options.WaitTimeout.TotalSeconds:0.#} s", final: true);
            }

            var seconds = run.Options.PollInterval.TotalSeconds;
            await _actor.ActAsync(new WaitAction(seconds), trace, cancellationToken).ConfigureAwait(false);
        }

        trace.Notes.Add($"downloaded {string.Join(", ", run.Downloads.Skip(run.DownloadsAwaited))}");
        run.DownloadsAwaited = run.Downloads.Count;
        return false;
    }

    private async Task<bool> WaitAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        trace.Action = new WaitAction(intent.Amount ?? 1);
        await _actor.ActAsync(trace.Action, trace, cancellationToken).ConfigureAwait(false);
        return false;
    }

    private async Task<bool> VerifyAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        var text = Required(intent.Value, intent);
        run.Current ??= await run.CaptureAsync(cancellationToken).ConfigureAwait(false);
        if (await _locator.TryGroundAsync(text, trace, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new StepFailedException($"\"{text}\" is not on the screen");
        }

        return false;
    }
}
