namespace VisualAgent.Drivers.Desktop;

/// <summary>Recorded element paths found again among the accessibility tree's elements (replay, exported scripts).</summary>
public sealed partial class DesktopDriver : IElementPathResolver
{
    public ElementPathMatch MatchPath(ElementPath path, IReadOnlyList<UiElement> elements)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(elements);
        var withPaths = elements.Select(e => (Element: e, Path: PathOf(e.Ref))).Where(p => p.Path is not null && SameApp(p.Path!, path)).ToList();
        if (path.AutomationId is { Length: > 0 } id)
        {
            var byId = withPaths.Where(p => p.Path!.AutomationId == id && p.Path.Window == path.Window).ToList();
            if (byId.Count == 1)
            {
                return new ElementPathMatch(1, byId[0].Element, $"automation id \"{id}\"");
            }
        }

        var matches = withPaths.Where(p => SameChain(p.Path!, path)).ToList();
        var last = path.Chain.Count > 0 ? path.Chain[^1] : null;
        var positionOnly = last is null || (last.Name.Length == 0 && path.AutomationId is not { Length: > 0 });
        return matches.Count == 1
            ? new ElementPathMatch(1, matches[0].Element, $"path {path}") { PositionOnly = positionOnly }
            : new ElementPathMatch(matches.Count, null, matches.Count == 0 ? $"nothing at {path}" : $"{matches.Count} elements at {path}") { PositionOnly = positionOnly };
    }

    /// <summary>
    /// Waits (at most <paramref name="timeout"/>, default 10 s) until exactly one element is at the recorded path and
    /// returns it; the error says what the path found instead (nothing, or several). For exported desktop scripts.
    /// </summary>
    public async Task<UiElement> WaitForPathAsync(ElementPath path, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var started = _time.GetTimestamp();
        while (true)
        {
            var snapshot = await QueryElementsAsync(20000, cancellationToken).ConfigureAwait(false);
            var match = MatchPath(path, snapshot.Elements);
            if (match.Element is { } element)
            {
                return element;
            }

            if (_time.GetElapsedTime(started) >= limit)
            {
                throw new VisualAgent.Errors.DriverException($"Found {match.How} within {limit.TotalSeconds:0.#} s{(HasAccessibility ? "" : $" ({AccessibilityStatus})")}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(150), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Same application (by name) and window (by title).</summary>
    private static bool SameApp(ElementPath now, ElementPath recorded) =>
        string.Equals(now.Application, recorded.Application, StringComparison.Ordinal) && string.Equals(now.Window, recorded.Window, StringComparison.Ordinal);

    /// <summary>The same chain: each step's role, and its name, or its index among its siblings when it has none.</summary>
    private static bool SameChain(ElementPath now, ElementPath recorded)
    {
        if (now.Chain.Count != recorded.Chain.Count)
        {
            return false;
        }

        for (var i = 0; i < now.Chain.Count; i++)
        {
            var (a, b) = (now.Chain[i], recorded.Chain[i]);
            if (!string.Equals(a.Role, b.Role, StringComparison.Ordinal)
                || (b.Name.Length > 0 ? !string.Equals(a.Name, b.Name, StringComparison.Ordinal) : a.Index != b.Index))
            {
                return false;
            }
        }

        return true;
    }
}
