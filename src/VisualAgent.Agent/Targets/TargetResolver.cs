using VisualAgent.Drivers;
using VisualAgent.Geometry;
using VisualAgent.Planning;

namespace VisualAgent.Agent.Targets;

/// <summary>
/// The one target resolver: turns a <see cref="TargetSpec"/> into one of the screen's candidate elements the way
/// Playwright's getByRole / getByLabel / getByPlaceholder / getByText would — accessible name first, then label,
/// placeholder, title, alt, own text; quoted text matched whole; kind words as roles; ordinals, scopes and "next to";
/// never a match inside running prose when a control matches; a kind-only target only when exactly one is on screen.
/// Drivers supply the candidates (web: DOM + accessibility; desktop: the accessibility tree).
/// </summary>
public static class TargetResolver
{
    private static readonly HashSet<string> ItemRoles = ["option", "treeitem", "tab", "row", "cell", "gridcell", "columnheader", "rowheader", "listitem", "menuitem", "menuitemcheckbox", "menuitemradio"];
    private static readonly HashSet<string> ToggleRoles = ["checkbox", "radio", "switch", "menuitemcheckbox", "menuitemradio"];

    public static TargetResolution Resolve(TargetSpec spec, IReadOnlyList<UiElement> elements, StepVerb verb = StepVerb.Click)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(elements);
        var pool = InScope(spec, elements, out var scopeProblem);
        if (scopeProblem is not null)
        {
            return TargetResolution.Fail(scopeProblem);
        }

        if (spec.NextTo is { } anchorSpec)
        {
            return ResolveNextTo(spec, anchorSpec, pool, elements, verb);
        }

        if (spec.KindOnly)
        {
            return ResolveKindOnly(spec, pool);
        }

        if (spec.Text.Length == 0)
        {
            return TargetResolution.Fail($"\"{spec.Phrase}\" names no text and no kind of element to look for");
        }

        var scored = Score(spec, pool, verb);
        if (scored.Count == 0)
        {
            if (verb is StepVerb.Type or StepVerb.Select or StepVerb.Upload && LabelRule(spec, pool, verb) is { } byLabel)
            {
                return TargetResolution.Found(byLabel, 1, "the field beside the label");
            }

            return TargetResolution.Fail(NotFound(spec, pool, verb));
        }

        var picked = Pick(spec, scored, verb);
        if (picked.Element is { Interactive: false } chosen && DrillDown(spec, chosen, pool) is { } inner)
        {
            picked = picked with { Element = inner, How = $"{picked.How}; its {inner.Role} inside" };
        }

        return picked;
    }

    /// <summary>The one control inside a non-interactive match (the sort button of a column header), or null.</summary>
    private static UiElement? DrillDown(TargetSpec spec, UiElement outer, IReadOnlyList<UiElement> pool)
    {
        var inside = pool.Where(e => e.Interactive && e.Ref != outer.Ref && Inside(e.Box, outer.Box) && e.Box.Area < outer.Box.Area).ToList();
        if (inside.Count == 1)
        {
            return inside[0];
        }

        var named = inside.Where(e => Grade(spec with { Roles = new HashSet<string>() }, e) > 0).ToList();
        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>How well a text matches an element: 0 none; higher is better (exact accessible name is best).</summary>
    public static int Grade(TargetSpec spec, UiElement e)
    {
        var want = Key(spec.Text);
        if (want.Length == 0)
        {
            return 0;
        }

        var field = KindWords.IsField(e.Role) || e.Role == "combobox";
        var name = Key(e.Name);
        var own = Key(e.OwnText);
        var text = Key(e.Text);
        if (name == want)
        {
            return string.Equals(TargetPhrase.Normalize(e.Name), spec.Text, StringComparison.Ordinal) ? 102 : 100;
        }

        if (Key(e.Label) == want || Key(e.Placeholder) == want || Key(e.Title) == want || Key(e.Alt) == want)
        {
            return 95;
        }

        if (own == want || (text == want && !field))
        {
            return own == want && string.Equals(TargetPhrase.Normalize(e.OwnText), spec.Text, StringComparison.Ordinal) ? 97 : 95;
        }

        if (field && Key(e.Value) == want)
        {
            return 90;
        }

        var control = e.Interactive || ItemRoles.Contains(e.Role);
        if (spec.Quoted)
        {
            // A quoted text inside a longer name is a weak match, and only for a short control label ("Tomato" in "Tomato (2)").
            foreach (var hay in new[] { name, own })
            {
                if (control && hay.Length <= Math.Max(want.Length * 2, want.Length + 12) && ContainsWords(hay, want))
                {
                    return 60;
                }
            }

            return 0;
        }

        foreach (var hay in new[] { name, own, Key(e.Label), Key(e.Placeholder), Key(e.Title) })
        {
            if (hay.Length > 0 && ContainsWords(hay, want) && hay.Length <= want.Length * 4 + 20)
            {
                return control ? 60 : 40;
            }
        }

        var words = want.Split(' ');
        if (control && words.Length > 1 && words.All(w => ContainsWords(name, w) || ContainsWords(own, w)))
        {
            return 45;
        }

        // An icon-only element described in words ("the up arrow", "the trash icon"): its class and id say what it is.
        if (e.Hint is { Length: > 0 } hint && name.Length == 0)
        {
            var hints = Key(hint).Split(' ');
            if (words.SelectMany(Synonyms).Any(w => hints.Contains(w)))
            {
                return 35;
            }
        }

        return 0;
    }

    private static IEnumerable<string> Synonyms(string word) => word switch
    {
        "up" or "increase" or "increment" or "plus" or "+" or "more" => ["up", "increase", "increment", "inc", "plus", "add", "more"],
        "down" or "decrease" or "decrement" or "minus" or "-" or "less" => ["down", "decrease", "decrement", "dec", "minus", "less"],
        "close" or "dismiss" or "x" => ["close", "dismiss", "x", "cancel"],
        "delete" or "trash" or "remove" or "bin" => ["delete", "trash", "remove", "bin"],
        "search" or "magnifier" => ["search", "magnifier", "find"],
        "next" or "forward" => ["next", "forward", "right"],
        "previous" or "prev" or "back" => ["previous", "prev", "back", "left"],
        "menu" or "hamburger" => ["menu", "hamburger", "burger", "nav"],
        "edit" or "pencil" => ["edit", "pencil"],
        _ => [word],
    };

    private static List<(UiElement E, int Grade, int Score)> Score(TargetSpec spec, IReadOnlyList<UiElement> pool, StepVerb verb)
    {
        var scored = new List<(UiElement E, int Grade, int Score)>();
        foreach (var e in pool)
        {
            if (spec.Roles.Count > 0 && !spec.Roles.Contains(e.Role))
            {
                continue;
            }

            var grade = Grade(spec, e);
            if (grade == 0)
            {
                continue;
            }

            var score = (grade * 10) + (e.Interactive ? 30 : 0) + (Prefers(verb, e) ? 40 : 0) + (e.VisibleBox is not null ? 2 : 0) - (e.States.Disabled ? 5 : 0);
            scored.Add((e, grade, score));
        }

        // Never a word inside running prose when anything else matches.
        if (scored.Any(s => !s.E.InProse))
        {
            scored.RemoveAll(s => s.E.InProse);
        }

        // Typing goes into a field: when a field matches, nothing else competes.
        if (verb is StepVerb.Type && scored.Any(s => IsTypable(s.E)))
        {
            scored.RemoveAll(s => !IsTypable(s.E));
        }

        // A label or a plain text element inside (or labelling) a matching control gives way to the control.
        var controls = scored.Where(s => s.E.Interactive).ToList();
        scored.RemoveAll(s => !s.E.Interactive && controls.Any(c => c.Grade >= s.Grade - 5 && (Inside(s.E.Box, c.E.Box) || s.E.Role == "label" || s.E.Tag == "label")));
        return scored;
    }

    private static TargetResolution Pick(TargetSpec spec, List<(UiElement E, int Grade, int Score)> scored, StepVerb verb)
    {
        var best = scored.Max(s => s.Score);
        var top = scored.Where(s => s.Score >= best - 2).Select(s => s.E).OrderBy(e => e.Order).ToList();
        if (spec.Ordinal != 0)
        {
            var same = scored.Where(s => s.Grade >= scored.Max(x => x.Grade) - 5).Select(s => s.E).OrderBy(e => e.Order).ToList();
            same = Innermost(same);
            var index = spec.Ordinal < 0 ? same.Count - 1 : spec.Ordinal - 1;
            return index < same.Count
                ? TargetResolution.Found(same[index], same.Count, $"{Ordinal(spec.Ordinal)} of {same.Count}")
                : TargetResolution.Fail($"there are only {same.Count} matching \"{spec.Text}\", not a {Ordinal(spec.Ordinal)}");
        }

        top = Innermost(top);
        if (top.Count == 1)
        {
            return TargetResolution.Found(top[0], 1, How(spec, top[0]));
        }

        var visible = top.Where(e => e.VisibleBox is not null).ToList();
        if (visible.Count == 1)
        {
            return TargetResolution.Found(visible[0], top.Count, How(spec, visible[0]) + $"; the only one of {top.Count} on screen");
        }

        var chosen = (visible.Count > 0 ? visible : top)[0];
        return TargetResolution.Found(chosen, top.Count, How(spec, chosen) + $"; {top.Count} elements match, took the first in reading order") with { Ambiguous = true };
    }

    private static TargetResolution ResolveKindOnly(TargetSpec spec, IReadOnlyList<UiElement> pool)
    {
        var ofKind = Innermost([.. pool.Where(e => spec.Roles.Contains(e.Role) && e.VisibleBox is not null).OrderBy(e => e.Order)]);
        if (spec.Ordinal != 0)
        {
            var i = spec.Ordinal < 0 ? ofKind.Count - 1 : spec.Ordinal - 1;
            return i >= 0 && i < ofKind.Count
                ? TargetResolution.Found(ofKind[i], ofKind.Count, $"{Ordinal(spec.Ordinal)} {spec.Kind} on screen")
                : TargetResolution.Fail($"there are {ofKind.Count} {spec.Kind}(s) on the screen, not a {Ordinal(spec.Ordinal)}");
        }

        return ofKind.Count switch
        {
            1 => TargetResolution.Found(ofKind[0], 1, $"the only {spec.Kind} on screen"),
            0 => TargetResolution.Fail($"there is no {spec.Kind} on the screen"),
            _ => TargetResolution.Fail($"{ofKind.Count} {spec.Kind}s are on the screen ({Names(ofKind)}); say which one: its text in quotes, or first/second/last"),
        };
    }

    private static TargetResolution ResolveNextTo(TargetSpec spec, TargetSpec anchorSpec, IReadOnlyList<UiElement> pool, IReadOnlyList<UiElement> all, StepVerb verb)
    {
        var anchorResult = Resolve(anchorSpec, all, StepVerb.Click);
        if (anchorResult.Element is not { } anchor)
        {
            return TargetResolution.Fail($"the anchor \"{anchorSpec.Phrase}\" was not found: {anchorResult.Problem}");
        }

        var own = spec with { NextTo = null };
        var matching = own.Text.Length == 0 ? [] : Score(own, pool, verb).Select(s => s.E).ToList();
        var described = matching.Count > 0;
        if (!described)
        {
            matching = [.. pool.Where(e => (own.Roles.Count == 0 ? e.Interactive : own.Roles.Contains(e.Role)) || (own.Roles.Count == 0 && e.Tag is "svg" or "img"))];
        }

        matching.RemoveAll(e => e.Ref == anchor.Ref || (Inside(anchor.Box, e.Box) && e.Box.Area > anchor.Box.Area * 1.05));
        if (matching.Count == 0)
        {
            return TargetResolution.Fail($"nothing like \"{own.Phrase}\" is next to \"{anchorSpec.Phrase}\"");
        }

        var ranked = matching.Select(e => (E: e, D: Distance(anchor.Box, e.Box))).Where(x => x.D < 400).OrderBy(x => x.D).ToList();
        if (ranked.Count == 0)
        {
            return TargetResolution.Fail($"nothing like \"{own.Phrase}\" is within 400 pixels of \"{anchorSpec.Phrase}\"");
        }

        var near = ranked.Where(x => x.D <= ranked[0].D + 8).Select(x => x.E).ToList();
        var words = $" {Key(own.Text)} ";
        if (near.Count > 1 && (words.Contains(" up ", StringComparison.Ordinal) || words.Contains(" increase ", StringComparison.Ordinal) || words.Contains(" plus ", StringComparison.Ordinal) || words.Contains(" + ", StringComparison.Ordinal)))
        {
            near = [near.OrderBy(e => e.Box.Center.Y).ThenByDescending(e => e.Box.Center.X).First()];
        }
        else if (near.Count > 1 && (words.Contains(" down ", StringComparison.Ordinal) || words.Contains(" decrease ", StringComparison.Ordinal) || words.Contains(" minus ", StringComparison.Ordinal)))
        {
            near = [near.OrderByDescending(e => e.Box.Center.Y).ThenBy(e => e.Box.Center.X).First()];
        }

        var chosen = near[0];
        var how = $"{(described ? "" : "by kind ")}nearest to \"{anchorSpec.Text}\"";
        return near.Count == 1
            ? TargetResolution.Found(chosen, 1, how)
            : TargetResolution.Found(chosen, near.Count, how + $"; {near.Count} at the same distance, took the first") with { Ambiguous = true };
    }

    /// <summary>The field beside a text label that is not tied to it in the markup: right of it on the same line, or just below.</summary>
    private static UiElement? LabelRule(TargetSpec spec, IReadOnlyList<UiElement> pool, StepVerb verb)
    {
        var labels = pool.Where(e => !e.Interactive && !e.InProse && e.Role is "text" or "label" or "" && Key(e.OwnText) is var t && (t == Key(spec.Text) || t == Key(spec.Text) + ":")).ToList();
        if (labels.Count != 1)
        {
            return null;
        }

        var label = labels[0].Box;
        var fields = pool.Where(e => verb == StepVerb.Type ? IsTypable(e) : e.Role is "combobox" or "listbox" or "button" && e.Interactive);
        return fields
            .Select(f => (F: f, D: RightOrBelow(label, f.Box)))
            .Where(x => x.D is not null)
            .OrderBy(x => x.D)
            .Select(x => x.F)
            .FirstOrDefault();
    }

    private static double? RightOrBelow(ScreenBox label, ScreenBox field)
    {
        var sameLine = Math.Min(label.Y2, field.Y2) - Math.Max(label.Y1, field.Y1) >= Math.Min(label.Height, field.Height) * 0.5;
        if (sameLine && field.X1 >= label.X2 - 2 && field.X1 - label.X2 <= Math.Max(120, label.Width * 2))
        {
            return field.X1 - label.X2;
        }

        var overlapX = Math.Min(label.X2, field.X2) - Math.Max(label.X1, field.X1) > 0 || Math.Abs(field.X1 - label.X1) < 40;
        if (overlapX && field.Y1 >= label.Y2 - 2 && field.Y1 - label.Y2 <= Math.Max(40, label.Height * 2.5))
        {
            return 1 + (field.Y1 - label.Y2);
        }

        return null;
    }

    /// <summary>The elements inside the spec's scope (all of them when it names none); a problem when no such scope is on the page.</summary>
    internal static IReadOnlyList<UiElement> InScope(TargetSpec spec, IReadOnlyList<UiElement> elements, out string? problem)
    {
        problem = null;
        if (spec.Scope is null)
        {
            return elements;
        }

        var roles = KindWords.ScopeRoles(spec.ScopeKind);
        var want = Key(spec.Scope);
        bool Matches(ElementScope s) => (roles is null || roles.Contains(s.Kind)) && (s.Kind == "row" ? ContainsWords(Key(s.Name), want) : Key(s.Name) == want || ContainsWords(Key(s.Name), want));
        var inScope = elements.Where(e => e.Scopes.Any(Matches)).ToList();
        if (inScope.Count == 0)
        {
            problem = $"no {spec.ScopeKind ?? "section"} called \"{spec.Scope}\" is on the page";
        }

        return inScope;
    }

    private static List<UiElement> Innermost(List<UiElement> list)
    {
        if (list.Count < 2)
        {
            return list;
        }

        // Drop an element when another candidate sits inside it (a row and its cell, a group and its button).
        return [.. list.Where(outer => !list.Any(inner => inner.Ref != outer.Ref && Inside(inner.Box, outer.Box) && inner.Box.Area < outer.Box.Area * 0.98))];
    }

    private static bool Prefers(StepVerb verb, UiElement e) => verb switch
    {
        StepVerb.Type => IsTypable(e),
        StepVerb.Check or StepVerb.Uncheck => ToggleRoles.Contains(e.Role),
        StepVerb.Select => e.Role is "combobox" or "listbox" or "option" or "radio" or "menuitemradio",
        _ => false,
    };

    private static bool IsTypable(UiElement e) => (KindWords.IsField(e.Role) || e.Role == "combobox" && e.States.Editable || e.States.Editable) && !e.States.Disabled;

    private static string NotFound(TargetSpec spec, IReadOnlyList<UiElement> pool, StepVerb verb)
    {
        if (spec.Roles.Count > 0)
        {
            var other = pool.Where(e => Grade(spec, e) > 0).Take(3).ToList();
            if (other.Count > 0)
            {
                return $"\"{spec.Text}\" is on the page but not as a {spec.Kind} (found: {string.Join(", ", other.Select(o => $"{(o.Role.Length == 0 ? o.Tag : o.Role)} \"{Short(o.Name.Length > 0 ? o.Name : o.Text)}\""))})";
            }
        }

        return $"no element {(spec.Quoted ? "named" : "described as")} \"{spec.Text}\"{(spec.Kind is null ? "" : $" ({spec.Kind})")} is on the page{(spec.Scope is null ? "" : $" in \"{spec.Scope}\"")}";
    }

    private static string How(TargetSpec spec, UiElement e)
    {
        var role = e.Role.Length == 0 ? e.Tag ?? "element" : e.Role;
        return $"{role} \"{Short(e.Name.Length > 0 ? e.Name : e.OwnText)}\"";
    }

    private static string Names(IEnumerable<UiElement> list) => string.Join(", ", list.Take(5).Select(e => $"\"{Short(e.Name.Length > 0 ? e.Name : e.Text)}\""));

    private static string Short(string s) => s.Length > 40 ? s[..39] + "…" : s;

    private static string Ordinal(int n) => n switch { -1 => "last", 1 => "first", 2 => "second", 3 => "third", _ => $"{n}th" };

    /// <summary>Lower case, whitespace collapsed, typographic quotes made plain, a trailing colon or asterisk dropped.</summary>
    internal static string Key(string? text) => TargetPhrase.Normalize(text ?? "").TrimEnd(':', '*', ' ').ToLowerInvariant();

    /// <summary>True when <paramref name="want"/> occurs in <paramref name="hay"/> as a whole word sequence.</summary>
    internal static bool ContainsWords(string hay, string want)
    {
        if (want.Length == 0 || hay.Length < want.Length)
        {
            return false;
        }

        for (var i = hay.IndexOf(want, StringComparison.Ordinal); i >= 0; i = hay.IndexOf(want, i + 1, StringComparison.Ordinal))
        {
            var before = i == 0 || !char.IsLetterOrDigit(hay[i - 1]);
            var end = i + want.Length;
            var after = end == hay.Length || !char.IsLetterOrDigit(hay[end]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Inside(ScreenBox inner, ScreenBox outer) =>
        inner.X1 >= outer.X1 - 1 && inner.Y1 >= outer.Y1 - 1 && inner.X2 <= outer.X2 + 1 && inner.Y2 <= outer.Y2 + 1;

    /// <summary>The gap between two boxes, with a penalty when they are not on the same line.</summary>
    private static double Distance(ScreenBox a, ScreenBox b)
    {
        var dx = Math.Max(0, Math.Max(a.X1 - b.X2, b.X1 - a.X2));
        var dy = Math.Max(0, Math.Max(a.Y1 - b.Y2, b.Y1 - a.Y2));
        var sameLine = Math.Min(a.Y2, b.Y2) - Math.Max(a.Y1, b.Y1) > 0;
        return Math.Sqrt((dx * dx) + (dy * dy)) + (sameLine ? 0 : 20) + (b.X1 < a.X1 - 2 && sameLine ? 10 : 0);
    }
}
