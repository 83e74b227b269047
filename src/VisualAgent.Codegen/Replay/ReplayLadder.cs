using VisualAgent.Agent.Targets;
using VisualAgent.Drivers;
using VisualAgent.Planning;

namespace VisualAgent.Codegen.Replay;

/// <summary>
/// Finds a recorded step's element on the screen now, deterministically and with no model: the recorded ranked locators
/// in order (the first is a cache hit), then the fingerprint (role + name, test id, text, id), then the step's intent
/// re-grounded through the page (the offline grounder's target resolver over the screen's elements).
/// </summary>
/// <remarks>
/// The page may still be settling when a step begins (the step before settled lightly): when the first locator misses,
/// <paramref name="settle"/> (when given) waits for the page to settle fully and the ladder starts again, so a late
/// page is not mistaken for a changed one.
/// </remarks>
internal sealed class ReplayLadder(ILocatorResolver resolver, IElementQuery elements, Func<CancellationToken, Task>? settle = null)
{
    public const string CacheHit = "cache hit";

    public async Task<(UiElement? Element, string How)> FindAsync(IReadOnlyList<ElementLocator> recorded, ElementFingerprint? fingerprint, StepIntent? intent, bool heal, CancellationToken cancellationToken)
    {
        var usable = recorded.Where(l => l.Unique).ToList();
        if (usable.Count > 0 && (await resolver.ResolveAsync(usable[0], cancellationToken).ConfigureAwait(false)).Element is { } hit)
        {
            return (hit, CacheHit);
        }

        if (settle is not null)
        {
            await settle(cancellationToken).ConfigureAwait(false);
        }

        for (var i = 0; i < usable.Count; i++)
        {
            if ((await resolver.ResolveAsync(usable[i], cancellationToken).ConfigureAwait(false)).Element is { } found)
            {
                return (found, i == 0 ? CacheHit : $"healed by the ranked list (#{i + 1}: {Describe(usable[i])})");
            }

            if (!heal)
            {
                return (null, $"its recorded locator {Describe(usable[0])} matched no single element (healing is off)");
            }
        }

        if (!heal)
        {
            return (null, "it recorded no locator (healing is off)");
        }

        var frames = recorded.FirstOrDefault()?.Frames;
        foreach (var (locator, what) in FromFingerprint(fingerprint, frames))
        {
            if ((await resolver.ResolveAsync(locator, cancellationToken).ConfigureAwait(false)).Element is { } found)
            {
                return (found, $"healed by the fingerprint ({what})");
            }
        }

        if (intent?.Target is { Length: > 0 } target)
        {
            var snapshot = await elements.QueryElementsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var resolution = TargetResolver.Resolve(TargetPhrase.Parse(target), snapshot.Elements, intent.Verb);
            if (resolution.Element is { } element && !resolution.Ambiguous)
            {
                return (element, $"healed by re-grounding \"{target}\" through the page ({resolution.How})");
            }

            return (null, $"no recorded locator, fingerprint or re-grounding found it: {resolution.Problem ?? "ambiguous"}");
        }

        return (null, "no recorded locator or fingerprint found it, and the step has no target to re-ground");
    }

    private static IEnumerable<(ElementLocator, string)> FromFingerprint(ElementFingerprint? f, IReadOnlyList<string>? frames)
    {
        if (f is null)
        {
            yield break;
        }

        if (f.Role is { Length: > 0 } role && f.Name is { Length: > 0 } name)
        {
            yield return (new ElementLocator { Kind = LocatorKind.Role, Role = role, Name = name, Value = name, Exact = false, Frames = frames }, $"role {role} named like \"{name}\"");
        }

        if (f.TestId is { Length: > 0 } testId)
        {
            yield return (new ElementLocator { Kind = LocatorKind.TestId, Value = testId, Frames = frames }, $"test id {testId}");
        }

        if (f.Text is { Length: > 0 and <= 80 } text)
        {
            yield return (new ElementLocator { Kind = LocatorKind.Text, Value = text, Exact = false, Frames = frames }, $"text \"{text}\"");
        }

        if (f.Id is { Length: > 0 } id)
        {
            yield return (new ElementLocator { Kind = LocatorKind.Id, Value = id, Frames = frames }, $"id {id}");
        }
    }

    public static string Describe(ElementLocator l) => l.Kind switch
    {
        LocatorKind.Role when string.IsNullOrEmpty(l.Name) => $"role {l.Role}",
        LocatorKind.Role => $"role {l.Role} \"{l.Name}\"{(l.Nth is { } n ? $" #{n + 1}" : "")}",
        _ => $"{l.Kind.ToString().ToLowerInvariant()} \"{l.Value}\"",
    };
}
