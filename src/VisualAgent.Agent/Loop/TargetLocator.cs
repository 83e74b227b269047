using System.Diagnostics;
using VisualAgent.Actions;
using VisualAgent.Agent.Offline;
using VisualAgent.Drivers;
using VisualAgent.Geometry;
using VisualAgent.Grounding;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Agent;

/// <summary>
/// Where a target was found, in screenshot pixels of <see cref="RunContext.Current"/>: by the screen's elements
/// (<see cref="Element"/> set) or by a grounder over pixels (<see cref="Result"/> set).
/// </summary>
internal sealed record LocatedTarget(ScreenPoint Point, ScreenBox? Box, string Text, GroundingResult? Result)
{
    public UiElement? Element { get; init; }
}

/// <summary>
/// Grounds a target (each of its '|' alternatives) on the current screen; when it is not there and ScrollToFind is on,
/// scrolls down a screen at a time (stopping at the bottom), then back up, grounding after each scroll.
/// </summary>
internal sealed class TargetLocator(RunContext run)
{
    private readonly ElementTargetLocator _elements = new(run);

    /// <summary>
    /// Pixels found a target where the page's elements did not: trusted only where the page itself is pixels (a canvas,
    /// an image, an SVG drawing, a frame the driver cannot read). Anywhere else the page would have named it, so a
    /// pixel match on a different element is refused rather than clicked.
    /// </summary>
    private async Task<LocatedTarget> ConfirmPixelsAsync(LocatedTarget hit, StepTrace trace, CancellationToken cancellationToken)
    {
        trace.Grounding ??= $"pixels ({run.Grounder.Name})";
        if (!run.GroundThroughElements || run.Elements is not { } elements)
        {
            return hit;
        }

        var at = await elements.HitTestAsync(hit.Point, cancellationToken).ConfigureAwait(false);
        if (at is null || at.Tag is "canvas" or "img" or "svg" or "iframe" or "frame" or "video" or "embed" or "object" || at.Role == "img")
        {
            trace.Notes.Add($"found in pixels by {run.Grounder.Name} on {(at is null ? "an unreadable part of the screen" : $"a {at.Tag}")}: the page's elements do not name it");
            return hit with { Element = at };
        }

        throw new StepFailedException(
            $"\"{hit.Text}\" is not among the page's elements; pixels ({run.Grounder.Name}) point at {at.Role} \"{Short(at.Name.Length > 0 ? at.Name : at.Text)}\", which is not it", final: true, cause: FailureCause.WrongElement);
    }

    private static string Short(string s) => s.Length > 50 ? s[..49] + "…" : s;

    public async Task<LocatedTarget?> TryGroundAsync(string target, StepTrace trace, CancellationToken cancellationToken)
    {
        var screen = run.Current ?? await run.CaptureAsync(cancellationToken).ConfigureAwait(false);
        foreach (var text in TargetAlternatives.Split(target))
        {
            var started = Stopwatch.GetTimestamp();
            var result = await run.Grounder.GroundAsync(new GroundingRequest(screen, text), cancellationToken).ConfigureAwait(false);
            trace.ModelMs += result.Latency > TimeSpan.Zero ? result.Latency.TotalMilliseconds : Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (result.Usage is not null || result.SentSize is not null)
            {
                run.CountModelCall(result.Usage);
            }

            trace.AddUsage(result.Usage);
            trace.Raw = result.Raw ?? trace.Raw;
            trace.SentSize = result.SentSize ?? trace.SentSize;
            if (result.Found)
            {
                trace.Confidence = result.Confidence;
                return new LocatedTarget(result.Point, result.Box, text, result);
            }
        }

        return null;
    }

    /// <param name="source">The clause the target came from: a target quoted as a whole there is matched as text.</param>
    public async Task<LocatedTarget> LocateAsync(string target, StepTrace trace, CancellationToken cancellationToken, StepVerb verb = StepVerb.Click, string? source = null)
    {
        if (run.GroundThroughElements && run.Elements is { } elements)
        {
            return await _elements.LocateAsync(elements, target, verb, source, trace, cancellationToken).ConfigureAwait(false)
                ?? await LocateInPixelsAsync(target, trace, cancellationToken).ConfigureAwait(false);
        }

        return await LocateInPixelsAsync(target, trace, cancellationToken).ConfigureAwait(false);
    }

    private async Task<LocatedTarget> LocateInPixelsAsync(string target, StepTrace trace, CancellationToken cancellationToken)
    {
        if (await TryGroundAsync(target, trace, cancellationToken).ConfigureAwait(false) is { } hit)
        {
            return await ConfirmPixelsAsync(hit, trace, cancellationToken).ConfigureAwait(false);
        }

        if (run.Options.ScrollToFind && run.Options.MaxScrollsToFind > 0)
        {
            var screen = ScreenStep();
            var downs = 0;
            while (downs < run.Options.MaxScrollsToFind)
            {
                if (!await ScrollAsync(screen, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                downs++;
                if (await TryGroundAsync(target, trace, cancellationToken).ConfigureAwait(false) is { } below)
                {
                    trace.Notes.Add($"scrolled down {downs} screen(s) to find \"{below.Text}\"");
                    return await ConfirmPixelsAsync(below, trace, cancellationToken).ConfigureAwait(false);
                }
            }

            for (var ups = 0; ups <= downs + run.Options.MaxScrollsToFind; ups++)
            {
                if (!await ScrollAsync(-screen, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                if (await TryGroundAsync(target, trace, cancellationToken).ConfigureAwait(false) is { } above)
                {
                    trace.Notes.Add($"scrolled down {downs} and up {ups + 1} screen(s) to find \"{above.Text}\"");
                    return await ConfirmPixelsAsync(above, trace, cancellationToken).ConfigureAwait(false);
                }
            }

            trace.Notes.Add($"scrolled down {downs} screen(s) and back up looking for it");
        }

        throw new StepFailedException(trace.PageProblem is { } page
            ? $"{page}; pixels ({run.Grounder.Name}) did not find it either"
            : $"\"{TargetAlternatives.Split(target)[0]}\" was not found on the screen ({run.Grounder.Name} grounder)", cause: FailureCause.NotFound);
    }

    /// <summary>Wheel pixels for one scroll-to-find move: a fraction of the screen height in CSS pixels.</summary>
    private double ScreenStep()
    {
        var shot = run.Current;
        var height = shot is null ? 800 : shot.ScrollHeight;
        return Math.Round(height * run.Options.ScrollFraction);
    }

    /// <summary>Scrolls and captures; false when the screen did not move (top or bottom reached).</summary>
    private async Task<bool> ScrollAsync(double dy, CancellationToken cancellationToken)
    {
        var before = run.Current;
        await run.Driver.ExecuteAsync(new ScrollAction(null, null, 0, dy), cancellationToken).ConfigureAwait(false);
        await run.SettleAsync(cancellationToken).ConfigureAwait(false);
        var after = await run.CaptureAsync(cancellationToken).ConfigureAwait(false);
        return before is null || run.ScreenChange.Change(before.Png, after.Png) > 0;
    }
}
