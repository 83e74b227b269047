using System.Text.RegularExpressions;

namespace VisualAgent.Vision.Grounding;

/// <summary>
/// A target description taken apart: the text to find, the element kind, an ordinal (1-based; -1 = last) and a
/// position hint. "click \"Export CSV\"", "the second Edit button", "the Username field", "the Save button at the bottom".
/// </summary>
public sealed partial record TargetQuery(string Text, TargetKind Kind, int Ordinal, TargetPosition Position)
{
    private static readonly (string Word, int Value)[] Ordinals =
    [
        ("first", 1), ("1st", 1), ("second", 2), ("2nd", 2), ("third", 3), ("3rd", 3), ("fourth", 4), ("4th", 4),
        ("fifth", 5), ("5th", 5), ("sixth", 6), ("6th", 6), ("seventh", 7), ("7th", 7), ("eighth", 8), ("8th", 8),
        ("ninth", 9), ("9th", 9), ("tenth", 10), ("10th", 10), ("last", -1),
    ];

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

        var kind = TargetKind.Any;
        var kindMatch = KindRegex().Match(text);
        var quoted = QuotedRegex().Match(text);
        if (kindMatch.Success && (!quoted.Success || kindMatch.Index > quoted.Index + quoted.Length || kindMatch.Index + kindMatch.Length < quoted.Index))
        {
            kind = kindMatch.Groups["kind"].Value.ToLowerInvariant() switch
            {
                "button" => TargetKind.Button,
                "link" => TargetKind.Link,
                "checkbox" or "check box" or "radio" or "radio button" => TargetKind.Checkbox,
                _ => TargetKind.Field,
            };
        }

        var ordinal = 0;
        foreach (var (word, value) in Ordinals)
        {
            var m = Regex.Match(text, $@"\b{word}\b", RegexOptions.IgnoreCase);
            if (m.Success && (!quoted.Success || m.Index < quoted.Index || m.Index > quoted.Index + quoted.Length))
            {
                ordinal = value;
                text = text.Remove(m.Index, m.Length);
                break;
            }
        }

        quoted = QuotedRegex().Match(text);
        if (quoted.Success)
        {
            return new TargetQuery(quoted.Groups["text"].Value.Trim(), kind, ordinal, position);
        }

        if (kindMatch.Success)
        {
            text = KindRegex().Replace(text, " ");
        }

        text = LeadRegex().Replace(text, "");
        text = FillerRegex().Replace(text, " ");
        return new TargetQuery(string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim(' ', '.', ','), kind, ordinal, position);
    }

    [GeneratedRegex("[\"“”'‘’«»](?<text>[^\"“”«»]+?)[\"“”'‘’«»](?=$|[\\s,.;:!?)])")]
    private static partial Regex QuotedRegex();

    [GeneratedRegex(@"\b(?:into|in to)\s+(?<target>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex IntoRegex();

    [GeneratedRegex(@"\b(?:at|on|in|near)\s+the\s+(?<where>top|bottom|left|right)(?:\s+of\s+the\s+(?:page|screen|form|window))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex PositionRegex();

    [GeneratedRegex(@"\b(?<kind>radio(?: button)?|button|link|check ?box|text ?field|field|input|text ?box|textarea|drop-?down|combo ?box|list ?box|slider)\b", RegexOptions.IgnoreCase)]
    private static partial Regex KindRegex();

    [GeneratedRegex(@"^\s*(?:(?:double[- ]click|right[- ]click|click|tap|press|hover(?: over)?|select|check|uncheck|focus|open|find|locate)\s+)?(?:on\s+)?(?:the\s+|a\s+|an\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex LeadRegex();

    [GeneratedRegex(@"\b(?:the|labelled|labeled|named|called|with text|that says)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FillerRegex();
}
