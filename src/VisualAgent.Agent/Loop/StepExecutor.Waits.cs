using VisualAgent.Actions;
using VisualAgent.Agent.Targets;
using VisualAgent.Drivers;
using VisualAgent.Planning;
using VisualAgent.Runs;

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
            if (run.ShownText is { } shown)
            {
                var found = await FindShownAsync(shown, text, trace, cancellationToken).ConfigureAwait(false);
                if (found.Found)
                {
                    trace.Probe.Decided = new StepCheck($"\"{text}\" shown", Masked(found.Where), CheckStrength.Strong, true);
                    return false;
                }

                if (run.Time.GetElapsedTime(started) >= run.Options.WaitTimeout)
                {
                    throw new StepFailedException($"{Masked(found.Problem ?? $"\"{text}\" is not shown")} (waited {run.Options.WaitTimeout.TotalSeconds:0.#} s)", final: true, FailureCause.CheckFailed);
                }
            }
            else if (run.Elements is { } elements)
            {
                if (await FindTextAsync(elements, text, trace, cancellationToken).ConfigureAwait(false) is { } seen)
                {
                    trace.Probe.Decided = new StepCheck($"\"{text}\" shown", seen, CheckStrength.Strong, true);
                    return false;
                }
            }
            else if (await _locator.TryGroundAsync(text, trace, cancellationToken).ConfigureAwait(false) is not null)
            {
                return false;
            }

            if (run.Time.GetElapsedTime(started) >= run.Options.WaitTimeout)
            {
                throw new StepFailedException($"\"{text}\" did not appear within {run.Options.WaitTimeout.TotalSeconds:0.#} s", final: true, FailureCause.CheckFailed);
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
            if (run.DownloadProblems.Count > 0)
            {
                // A cancelled or failed download will not arrive: say why now instead of waiting out the timeout.
                var problem = run.DownloadProblems[^1];
                run.DownloadProblems.Clear();
                throw new StepFailedException(problem, final: true);
            }

            if (run.Time.GetElapsedTime(started) >= run.Options.WaitTimeout)
            {
                throw new StepFailedException($"no download arrived within {run.Options.WaitTimeout.TotalSeconds:0.#} s", final: true);
            }

            var seconds = run.Options.PollInterval.TotalSeconds;
            await _actor.ActAsync(new WaitAction(seconds), trace, cancellationToken).ConfigureAwait(false);
        }

        trace.Notes.Add($"downloaded {string.Join(", ", run.Downloads.Skip(run.DownloadsAwaited))}");
        run.DownloadProblems.Clear();
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
        if (run.ShownText is { } shown)
        {
            var found = await FindShownAsync(shown, text, trace, cancellationToken).ConfigureAwait(false);
            trace.Probe.Decided = new StepCheck($"\"{text}\" visible", Masked(found.Where), CheckStrength.Strong, found.Found);
            if (!found.Found)
            {
                throw new StepFailedException(Masked(found.Problem ?? $"\"{text}\" is not shown"), cause: FailureCause.CheckFailed);
            }

            return false;
        }

        if (run.Elements is { } elements)
        {
            var seen = await FindTextAsync(elements, text, trace, cancellationToken).ConfigureAwait(false);
            trace.Probe.Decided = new StepCheck($"\"{text}\" visible", seen ?? "not on the screen, nor anywhere on the page when scrolled", CheckStrength.Strong, seen is not null);
            if (seen is null)
            {
                throw new StepFailedException($"\"{text}\" is not on the screen (matched as whole words, case-sensitive; hidden text does not count)", cause: FailureCause.CheckFailed);
            }

            return false;
        }

        if (await _locator.TryGroundAsync(text, trace, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new StepFailedException($"\"{text}\" is not on the screen", cause: FailureCause.CheckFailed);
        }

        return false;
    }

    /// <summary>
    /// The driver's rule for "the page shows TEXT" (it scrolls the occurrence into view); the element it was found in is
    /// the step's element, so the run report shows where the text was found (a field's value, a heading...).
    /// </summary>
    private async Task<ShownText> FindShownAsync(IShownText shown, string text, StepTrace trace, CancellationToken cancellationToken)
    {
        var found = await shown.FindShownTextAsync(text, cancellationToken).ConfigureAwait(false);
        if (found.Element is { } element)
        {
            trace.Element = element with { Text = Short(element.Text ?? "") };
            if (found.Scrolled)
            {
                // The evidence shot shows the occurrence, scrolled into view.
                trace.Notes.Add($"scrolled to \"{Short(text)}\"");
                await run.CaptureAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return found;
    }

    /// <summary>
    /// Finds the text among the rendered text of the screen (<see cref="VisibleText"/> rules), scrolling it into view when
    /// it is further down; returns where it was seen, or null.
    /// </summary>
    private async Task<string?> FindTextAsync(IElementQuery elements, string text, StepTrace trace, CancellationToken cancellationToken)
    {
        var blocks = await elements.QueryTextAsync(run.Options.MaxElements, cancellationToken).ConfigureAwait(false);
        var matching = blocks.Where(b => VisibleText.Contains(b.Text, text)).OrderBy(b => b.Text.Length).ToList();
        if (matching.Count == 0)
        {
            return null;
        }

        if (matching.FirstOrDefault(b => b.Visible) is { } visible)
        {
            return $"on screen at {visible.Box}: \"{Short(visible.Text)}\"";
        }

        foreach (var block in matching.Take(3))
        {
            var shown = await elements.RevealAsync(block.Ref, cancellationToken).ConfigureAwait(false);
            if (shown?.VisibleBox is { } box)
            {
                await run.CaptureAsync(cancellationToken).ConfigureAwait(false);
                trace.Notes.Add($"scrolled to \"{Short(text)}\"");
                return $"scrolled into view at {box}: \"{Short(block.Text)}\"";
            }
        }

        return null;
    }

    private string Masked(string text) => run.Secrets.Masker.Apply(text) ?? "";

    private string Short(string text)
    {
        var masked = run.Secrets.Masker.Apply(text) ?? "";
        return masked.Length > 80 ? masked[..79] + "…" : masked;
    }
}
