using VisualAgent.Agent.Targets;
using VisualAgent.Drivers;
using VisualAgent.Planning;

namespace VisualAgent.Codegen.Replay;

/// <summary>
/// Finds a recorded desktop step's element on the screen now, with no model: its element path (automation id, else the
/// role/name chain under its application and window), then its fingerprint (role and name in the same window), then
/// the step's words re-grounded through the accessibility tree (the offline grounder's target resolver). A path that
/// finds a nameless element finds it only by position, so the step's words must agree: when they point at another
/// element the app changed (fields reordered) and the step heals to what the words find, or fails with healing off;
/// when the words find nothing any more (the field renamed) it fails rather than type into whatever now sits there.
/// The tree is read again for a short while when nothing is found yet (a window still opening).
/// </summary>
internal sealed class DesktopReplayLadder(IElementQuery elements, IElementPathResolver paths, TimeProvider time, TimeSpan patience)
{
    public const string CacheHit = "cache hit";

    /// <summary>The element, how it was found (or why not), and its path now when it was healed.</summary>
    public async Task<(UiElement? Element, string How, ElementPath? NewPath)> FindAsync(ElementPath? recorded, ElementFacts? facts, StepIntent? intent, bool heal, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var found = await TryOnceAsync(recorded, facts, intent, heal, cancellationToken).ConfigureAwait(false);
            if (found.Element is not null || found.Final || time.GetElapsedTime(started) >= patience)
            {
                return (found.Element, found.How, found.Element is not null && found.How != CacheHit ? paths.PathOf(found.Element.Ref) : null);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(150), time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(UiElement? Element, string How, bool Final)> TryOnceAsync(ElementPath? recorded, ElementFacts? facts, StepIntent? intent, bool heal, CancellationToken cancellationToken)
    {
        var snapshot = await elements.QueryElementsAsync(20000, cancellationToken).ConfigureAwait(false);
        var target = intent?.Target is { Length: > 0 } t ? t : null;
        TargetResolution? words = target is null ? null : TargetResolver.Resolve(TargetPhrase.Parse(target), snapshot.Elements, intent!.Verb);
        var byWords = words is { Element: { } w, Ambiguous: false } ? w : null;
        var match = recorded is null ? null : paths.MatchPath(recorded, snapshot.Elements);
        if (match?.Element is { } atPath)
        {
            if (byWords is null && match.PositionOnly && target is not null)
            {
                // The path found a nameless element by its place only, and the words that chose it find nothing now.
                return (null, $"the recorded path leads to {Describe(atPath)} by position only, and \"{target}\" finds nothing now ({words?.Problem ?? "ambiguous"}): the app changed", words?.Problem is not null);
            }

            if (byWords is null || byWords.Ref == atPath.Ref)
            {
                return (atPath, CacheHit, true);
            }

            return heal
                ? (byWords, $"healed by re-grounding \"{target}\" ({words!.How}): the recorded path now leads to {Describe(atPath)}, the words to {Describe(byWords)}", true)
                : (null, $"the recorded path leads to {Describe(atPath)} but \"{target}\" is {Describe(byWords)} now (healing is off)", true);
        }

        var pathProblem = recorded is null ? "the step recorded no element path" : $"its element path found {match!.How}";
        if (!heal)
        {
            return (null, $"{pathProblem} (healing is off)", false);
        }

        if (facts is { Role: { Length: > 0 } role, Name: { Length: > 0 } name })
        {
            var window = recorded?.Window;
            var same = snapshot.Elements.Where(e => e.Role == role && e.Name == name && (window is null || paths.PathOf(e.Ref)?.Window == window)).ToList();
            if (same.Count == 1 && (byWords is null || byWords.Ref == same[0].Ref))
            {
                return (same[0], $"healed by the fingerprint (role {role} named \"{name}\"; {pathProblem})", true);
            }
        }

        if (byWords is not null)
        {
            return (byWords, $"healed by re-grounding \"{target}\" through the accessibility tree ({words!.How}; {pathProblem})", true);
        }

        return (null, target is null
            ? $"{pathProblem}, its fingerprint found nothing, and the step has no words to re-ground"
            : $"{pathProblem}; its fingerprint and re-grounding \"{target}\" found nothing: {words?.Problem ?? "ambiguous"}", false);
    }

    /// <summary>The element in words: its name, else its label, else its place on the screen.</summary>
    public static string Describe(UiElement e) =>
        e.Name.Length > 0 ? $"the {e.Role} \"{e.Name}\""
        : e.Label is { Length: > 0 } label ? $"the {e.Role} labelled \"{label}\""
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the unnamed {e.Role} at ({e.Box.X1:0},{e.Box.Y1:0})");
}
