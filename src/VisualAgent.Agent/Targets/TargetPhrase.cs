using System.Text.RegularExpressions;
using VisualAgent.Agent.Offline;

namespace VisualAgent.Agent.Targets;

/// <summary>
/// Reads a described target into a <see cref="TargetSpec"/>: quoted text, kind words, ordinals, "next to X", scopes
/// ("of the SECTION", "in the \"CELL\" row", "in the LIST list") and "the thumb of the X slider". Quoted text is never
/// split or trimmed: a quoted phrase keeps every word, "the" included.
/// </summary>
public static partial class TargetPhrase
{
    private static readonly (string Word, int Value)[] Ordinals =
    [
        ("first", 1), ("1st", 1), ("second", 2), ("2nd", 2), ("third", 3), ("3rd", 3), ("fourth", 4), ("4th", 4),
        ("fifth", 5), ("5th", 5), ("sixth", 6), ("6th", 6), ("seventh", 7), ("7th", 7), ("eighth", 8), ("8th", 8),
        ("ninth", 9), ("9th", 9), ("tenth", 10), ("10th", 10), ("last", -1),
    ];

    public static TargetSpec Parse(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var p = phrase.Trim().TrimEnd('.', ';', ',').Trim();
        var thumb = ThumbRegex().Match(p);
        if (thumb.Success)
        {
            var inner = Parse(thumb.Groups["rest"].Value);
            return inner with { Phrase = phrase, Kind = inner.Kind ?? "slider", Roles = inner.Roles.Count > 0 ? inner.Roles : KindWords.RolesOf("slider") };
        }

        var mask = QuotedText.Mask(p);
        if (FirstOutside(NextToRegex(), p, mask) is { } next)
        {
            var x = Parse(p[..next.Index]);
            var anchor = Parse(p[(next.Index + next.Length)..]);
            return x with { Phrase = phrase, NextTo = anchor };
        }

        string? scope = null, scopeKind = null;
        foreach (Match m in ScopeRegex().Matches(p))
        {
            if (mask[m.Index])
            {
                continue;
            }

            var head = p[..m.Index];
            if (!HasQuote(head) && KindAtEnd(head) is null)
            {
                continue;
            }

            (scope, scopeKind) = ReadScope(p[(m.Index + m.Length)..]);
            p = head;
            mask = QuotedText.Mask(p);
            break;
        }

        var spec = ParseCore(p, mask);
        return spec with { Phrase = phrase, Scope = scope, ScopeKind = scopeKind };
    }

    private static TargetSpec ParseCore(string p, bool[] mask)
    {
        var ordinal = 0;
        foreach (var (word, value) in Ordinals)
        {
            var m = Regex.Match(p, $@"\b{word}\b", RegexOptions.IgnoreCase);
            if (m.Success && !mask[m.Index])
            {
                ordinal = value;
                p = p.Remove(m.Index, m.Length);
                mask = QuotedText.Mask(p);
                break;
            }
        }

        string? quoted = null;
        var q = QuoteRegex().Match(p);
        if (q.Success)
        {
            quoted = q.Value[1..^1];
        }

        var outside = quoted is null ? p : p.Remove(q.Index, q.Length).Insert(q.Index, " \u0000 ");
        var kind = KindAtEnd(outside) ?? KindAtStart(outside);
        var roles = kind is null ? new HashSet<string>() : KindWords.RolesOf(kind);
        if (quoted is not null)
        {
            return new TargetSpec { Phrase = p, Text = Normalize(quoted), Quoted = true, Kind = kind, Roles = roles, Ordinal = ordinal };
        }

        var words = outside;
        if (kind is not null)
        {
            var at = words.LastIndexOf(kind, StringComparison.OrdinalIgnoreCase);
            words = at >= 0 ? words.Remove(at, kind.Length) : words;
        }

        words = ArticleRegex().Replace(" " + words + " ", " ");
        words = Normalize(words).Trim(' ', '.', ',', ':');
        return new TargetSpec { Phrase = p, Text = words, Kind = kind, Roles = roles, Ordinal = ordinal };
    }

    private static (string? Scope, string? Kind) ReadScope(string rest)
    {
        var r = ArticleRegex().Replace(" " + rest.Trim() + " ", " ").Trim();
        var q = QuoteRegex().Match(r);
        string? kind = null;
        var kindMatch = ScopeKindRegex().Match(r);
        if (kindMatch.Success && (!q.Success || kindMatch.Index >= q.Index + q.Length))
        {
            kind = kindMatch.Groups["kind"].Value.ToLowerInvariant();
            r = r[..kindMatch.Index];
        }

        var text = q.Success ? q.Value[1..^1] : r;
        return (Normalize(text).Trim(' ', '.', ','), kind);
    }

    /// <summary>Whitespace collapsed, typographic apostrophes and quotes made plain.</summary>
    public static string Normalize(string text) =>
        string.Join(' ', text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u00A0', ' ')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static bool HasQuote(string text) => QuoteRegex().IsMatch(text);

    private static string? KindAtEnd(string text)
    {
        var t = text.TrimEnd(' ', '.', ',');
        foreach (var word in KindWords.Words)
        {
            foreach (var form in new[] { word, word + "s" })
            {
                if (t.EndsWith(form, StringComparison.OrdinalIgnoreCase)
                    && (t.Length == form.Length || !char.IsLetterOrDigit(t[t.Length - form.Length - 1])))
                {
                    return t[^form.Length..];
                }
            }
        }

        return null;
    }

    private static string? KindAtStart(string text)
    {
        var t = ArticleRegex().Replace(" " + text.Trim() + " ", " ").Trim();
        foreach (var word in KindWords.Words)
        {
            if (t.StartsWith(word + " ", StringComparison.OrdinalIgnoreCase) && t.Contains('\u0000', StringComparison.Ordinal))
            {
                return t[..word.Length];
            }
        }

        return null;
    }

    private static Match? FirstOutside(Regex regex, string text, bool[] mask)
    {
        foreach (Match m in regex.Matches(text))
        {
            if (!mask[m.Index])
            {
                return m;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?:the\s+)?thumb\s+(?:of|on)\s+(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ThumbRegex();

    [GeneratedRegex(@"\s+(?:next\s+to|beside|near|to\s+the\s+right\s+of|to\s+the\s+left\s+of|right\s+of|left\s+of)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex NextToRegex();

    [GeneratedRegex(@"\s+(?:in|of|inside|within|under|on|from)\s+(?=(?:the\s+)?\S)", RegexOptions.IgnoreCase)]
    private static partial Regex ScopeRegex();

    [GeneratedRegex(@"\s+(?<kind>row|list|grid|table|dialog|window|popup|modal|section|menu|toolbar|group|form|panel|tab panel|tree|region|area|pane|column)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ScopeKindRegex();

    [GeneratedRegex("\"[^\"]*\"|\u201C[^\u201D]*\u201D|\u2018[^\u2019]*\u2019|(?<=^|[\\s(,:])'[^']*'(?=$|[\\s,;.:)!?])")]
    private static partial Regex QuoteRegex();

    [GeneratedRegex(@"\s(?:the|a|an|on|labelled|labeled|named|called|with text|that says)(?=\s)", RegexOptions.IgnoreCase)]
    private static partial Regex ArticleRegex();
}
