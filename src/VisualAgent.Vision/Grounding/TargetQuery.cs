using System.Text.RegularExpressions;

namespace VisualAgent.Vision.Grounding;

/// <summary>
/// A target description taken apart: the text to find, the element kind, an ordinal (1-based; -1 = last) and a
/// position hint. "click \"Export CSV\"", "the second Edit button", "the Username field", "the Save button at the bottom".
/// Words inside the text are kept ("Do all lots have the same rules?" keeps its "the"); a kind word counts only at
/// the end of an unquoted description or before "labelled X" ("Spin Button Pattern" is a name, not a button).
/// </summary>
public sealed partial record TargetQuery(string Text, TargetKind Kind, int Ordinal, TargetPosition Position)
{
    private static readonly (string Word, int Value)[] Ordinals =
    [
        ("first", 1), ("1st", 1), ("second", 2), ("2nd", 2), ("third", 3), ("3rd", 3), ("fourth", 4), ("4th", 4),
        ("fifth", 5), ("5th", 5), ("sixth", 6), ("6th", 6), ("seventh", 7), ("7th", 7), ("eighth", 8), ("8th", 8),
        ("ninth", 9), ("9th", 9), ("tenth", 10), ("10th", 10), ("last", -1),
    ];

    /// <summary>When a capitalised ordinal word begins a name ("the First Name field"), the text with that word kept
    /// ("First Name"): the grounder prefers it when it stands on the screen. Null otherwise.</summary>
    public string? Alternative { get; init; }

    /// <summary>True when the description quotes its text: the phrase is then matched whole.</summary>
    public bool Quoted { get; init; }

    public static TargetQuery Parse(string instruction)
    {
        var text = instruction.Trim();
        var into = IntoRegex().Match(text);
        if (into.Success)
        {
            text = into.Groups["target"].Value;
        }

        var position = TargetPosition.None;
        var pos = PositionRegex().Match(text);
        if (pos.Success)
        {
            position = pos.Groups["where"].Value.ToLowerInvariant() switch
            {
                "top" => TargetPosition.Top,
                "bottom" => TargetPosition.Bottom,
                "left" => TargetPosition.Left,
                _ => TargetPosition.Right,
            };
            text = text.Remove(pos.Index, pos.Length);
        }

        var quoted = QuotedRegex().Match(text);
        var kindMatch = FindKind(text, quoted);
        var kind = kindMatch is null ? TargetKind.Any : KindOf(kindMatch.Groups["kind"].Value);

        var ordinal = 0;
        string? alternative = null;
        foreach (var (word, value) in Ordinals)
        {
            var m = Regex.Match(text, $@"\b{word}\b", RegexOptions.IgnoreCase);
            if (m.Success && (!quoted.Success || m.Index < quoted.Index || m.Index > quoted.Index + quoted.Length))
            {
                var capitalised = char.IsUpper(m.Value[0]) && NextWordCapitalised(text, m.Index + m.Length);
                ordinal = value;
                if (capitalised && !quoted.Success)
                {
                    alternative = Clean(RemoveKind(text, kindMatch));
                }

                text = text.Remove(m.Index, m.Length);
                kindMatch = kindMatch is null ? null : FindKind(text, QuotedRegex().Match(text));
                break;
            }
        }

        quoted = QuotedRegex().Match(text);
        if (quoted.Success)
        {
            return new TargetQuery(quoted.Groups["text"].Value.Trim(), kind, ordinal, position) { Quoted = true };
        }

        var plain = Clean(RemoveKind(text, kindMatch));
        return new TargetQuery(plain, kind, ordinal, position) { Alternative = alternative is { Length: > 0 } && alternative != plain ? alternative : null };
    }

    private static Match? FindKind(string text, Match quoted)
    {
        foreach (Match m in KindRegex().Matches(text))
        {
            var outsideQuotes = !quoted.Success || m.Index > quoted.Index + quoted.Length || m.Index + m.Length < quoted.Index;
            if (!outsideQuotes)
            {
                continue;
            }

            // Unquoted: the kind word ends the description ("the Save button") or introduces the name ("the button
            // labelled Save"); inside a name it is part of the name ("Spin Button Pattern").
            var after = text[(m.Index + m.Length)..];
            if (quoted.Success || TrailingRegex().IsMatch(after) || ConnectorRegex().IsMatch(after))
            {
                return m;
            }
        }

        return null;
    }

    private static TargetKind KindOf(string word) => word.ToLowerInvariant() switch
    {
        "button" => TargetKind.Button,
        "link" => TargetKind.Link,
        "checkbox" or "check box" or "radio" or "radio button" or "switch" or "toggle" => TargetKind.Checkbox,
        "tab" or "option" or "menu item" or "menuitem" or "tree item" or "treeitem" or "menu" or "icon" or "cell" => TargetKind.Any,
        _ => TargetKind.Field,
    };

    private static string RemoveKind(string text, Match? kind) => kind is null ? text : text.Remove(kind.Index, kind.Length).Insert(kind.Index, " ");

    private static string Clean(string text)
    {
        text = LeadRegex().Replace(text, "");
        text = FillerRegex().Replace(text, " ");
        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim(' ', '.', ',');
    }

    private static bool NextWordCapitalised(string text, int from)
    {
        var rest = text[from..].TrimStart();
        return rest.Length > 0 && char.IsUpper(rest[0]);
    }

    [GeneratedRegex("[\"“”'‘’«»](?<text>[^\"“”«»]+?)[\"“”'‘’«»](?=$|[\\s,.;:!?)])")]
    private static partial Regex QuotedRegex();

    [GeneratedRegex(@"\b(?:into|in to)\s+(?<target>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex IntoRegex();

    [GeneratedRegex(@"\b(?:at|on|in|near)\s+the\s+(?<where>top|bottom|left|right)(?:\s+of\s+the\s+(?:page|screen|form|window))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex PositionRegex();

    [GeneratedRegex(@"\b(?<kind>radio(?: button)?|button|link|check ?box|text ?field|field|input|text ?box|textarea|drop-?down|combo ?box|list ?box|slider|switch|toggle|tab|option|menu ?item|tree ?item|menu|icon|cell)\b", RegexOptions.IgnoreCase)]
    private static partial Regex KindRegex();

    [GeneratedRegex(@"^[\s.,;:!?)]*$")]
    private static partial Regex TrailingRegex();

    [GeneratedRegex(@"^\s+(?:labell?ed|named|called|with (?:the )?text|that says|saying|reading)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectorRegex();

    [GeneratedRegex(@"^\s*(?:(?:double[- ]click|right[- ]click|click|tap|press|hover(?: over)?|select|check|uncheck|focus|open|find|locate)\s+)?(?:on\s+)?(?:the\s+|a\s+|an\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex LeadRegex();

    [GeneratedRegex(@"\b(?:labell?ed|named|called|with (?:the )?text|that says|saying|reading)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FillerRegex();
}
