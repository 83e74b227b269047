using VisualAgent.Agent.Offline;
using VisualAgent.Agent.Targets;
using VisualAgent.Drivers;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Agent;

/// <summary>
/// Grounds a described target through the screen's elements (<see cref="IElementQuery"/>): the one
/// <see cref="TargetResolver"/> chooses, the driver scrolls it into view, and the screenshot stays the evidence — the
/// element must be visible and be what a click at its centre reaches.
/// </summary>
internal sealed class ElementTargetLocator(RunContext run)
{
    /// <summary>The element's point, or null when the elements do not have it (the reason is in <see cref="StepTrace.PageProblem"/>).</summary>
    public async Task<LocatedTarget?> LocateAsync(IElementQuery elements, string target, StepVerb verb, string? source, StepTrace trace, CancellationToken cancellationToken)
    {
        var started = run.Time.GetTimestamp();
        try
        {
            string? problem = null;
            foreach (var alternative in TargetAlternatives.Split(target))
            {
                // A target the user quoted as a whole ("click \"WAI-ARIA Quick Links\"") is text, even if it ends in a kind word.
                var quoted = source is not null && (source.Contains($"\"{alternative}\"", StringComparison.Ordinal) || source.Contains($"\u201C{alternative}\u201D", StringComparison.Ordinal));
                var spec = TargetPhrase.Parse(quoted ? $"\"{alternative}\"" : alternative);
                var snapshot = await elements.QueryElementsAsync(run.Options.MaxElements, cancellationToken).ConfigureAwait(false);
                var resolution = TargetResolver.Resolve(spec, snapshot.Elements, verb);
                if (resolution.Element is not { } element)
                {
                    problem ??= resolution.Problem;
                    if (snapshot.Truncated)
                    {
                        problem += $" (the page has more than {run.Options.MaxElements} elements; only the first were read)";
                    }

                    if (snapshot.Unreadable.Count > 0)
                    {
                        problem += $"; unreadable here: {string.Join(", ", snapshot.Unreadable.Take(3))}";
                    }

                    continue;
                }

                var shown = await ShowAsync(elements, element, cancellationToken).ConfigureAwait(false);
                trace.Grounding = $"page: {resolution.How}";
                if (resolution.Ambiguous)
                {
                    trace.Notes.Add($"{resolution.Matches} elements match \"{alternative}\"; took the first in reading order");
                }

                var box = shown.VisibleBox!.Value;
                return new LocatedTarget(shown.ClickPoint ?? box.Center, box, alternative, null) { Element = shown };
            }

            trace.PageProblem = problem;
            return null;
        }
        finally
        {
            trace.GroundMs += run.Time.GetElapsedTime(started).TotalMilliseconds;
        }
    }

    /// <summary>Scrolls the element into view when it is not wholly there, captures the new screen, and checks the hit.</summary>
    private async Task<UiElement> ShowAsync(IElementQuery elements, UiElement element, CancellationToken cancellationToken)
    {
        var shown = element;
        if (element.VisibleBox is null || !element.HitAtCentre)
        {
            shown = await elements.RevealAsync(element.Ref, cancellationToken).ConfigureAwait(false)
                ?? throw new StepFailedException($"{Describe(element)} disappeared while it was scrolled into view", cause: FailureCause.NotFound);
            await run.CaptureAsync(cancellationToken).ConfigureAwait(false);
        }

        if (shown.VisibleBox is null)
        {
            throw new StepFailedException($"{Describe(shown)} is on the page but not visible, even scrolled into view", cause: FailureCause.NotFound);
        }

        if (!shown.HitAtCentre)
        {
            var cover = await elements.HitTestAsync(shown.VisibleBox.Value.Center, cancellationToken).ConfigureAwait(false);
            throw new StepFailedException(
                $"{Describe(shown)} is covered{(cover is null ? "" : $" by {Describe(cover)}")}: a click at its centre would not reach it", final: true, cause: FailureCause.WrongElement);
        }

        return shown;
    }

    internal static string Describe(UiElement e)
    {
        var role = e.Role.Length == 0 ? e.Tag ?? "element" : e.Role;
        var name = e.Name.Length > 0 ? e.Name : e.OwnText.Length > 0 ? e.OwnText : e.Text;
        return name.Length == 0 ? $"the {role}" : $"the {role} \"{(name.Length > 50 ? name[..49] + "…" : name)}\"";
    }
}
