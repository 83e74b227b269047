using System.Globalization;
using System.Text.RegularExpressions;
using VisualAgent.Planning;

namespace VisualAgent.Agent.Offline;

/// <summary>
/// Phrasings of tasks beyond the bare grammar: "Enter X as the Y" (type X into the Y field), "Choose X as the Y"
/// (select X in the Y field), "Pick the X size" (click X), "click X twice" (repeated clicks) and the answers to a
/// native dialog ("click OK in the dialog", "accept the dialog", "type Bob into the dialog", "answer the prompt with Bob").
/// </summary>
internal static partial class ClauseReader
{
    private const string DialogWords = @"(?:native\s+)?(?:dialog|alert|prompt|confirm(?:ation)?|pop-?up|message\s+box)(?:\s+(?:box|dialog|window))?";

    /// <summary>"X as the Y" (or several joined by "and"); null when the text is not in that form, [] when it is but is ambiguous.</summary>
    private static IReadOnlyList<(string Text, string Field)>? ReadAsThe(string rest)
    {
        var whole = AsThe().Match(rest.Trim());
        var parts = SplitOutsideQuotes(rest, " and ");
        if (parts.Count > 1 && parts.All(p => AsThe().IsMatch(p)))
        {
            return [.. parts.Select(p => AsThe().Match(p)).Select(m => (QuotedText.Unquote(m.Groups["text"].Value), m.Groups["field"].Value.Trim()))];
        }

        if (!whole.Success)
        {
            return null;
        }

        // "type X in Y as the Z" or "X as the Y into Z" could mean either field: not readable.
        var text = whole.Groups["text"].Value;
        var field = whole.Groups["field"].Value.Trim();
        return SplitAt(text, [" into ", " in ", " to "]) is not null || SplitAt(field, [" into ", " in ", " to ", " as "]) is not null
            ? []
            : [(QuotedText.Unquote(text), field)];
    }

    /// <summary>"the full name" becomes "the full name field", with "the comments field" as an alternative for a singular name.</summary>
    private static string FieldTarget(string field) =>
        field.EndsWith('s') ? $"the {field} field" : TargetAlternatives.Join($"the {field} field", $"the {field}s field");

    /// <summary>"pick the Large size" clicks "Large"; null when the last word is not a lower-case kind noun.</summary>
    private static StepIntent? ReadPickThe(string c)
    {
        var m = PickThe().Match(c);
        if (!m.Success)
        {
            return null;
        }

        var what = QuotedText.Unquote(m.Groups["what"].Value);
        return what.Length == 0 ? null : new StepIntent(StepVerb.Click) { Target = what };
    }

    /// <summary>"click Next twice" gives the clause without its count and the count (1 when none is written).</summary>
    private static (string Clause, int Count) TakeRepeat(string c)
    {
        var m = Repeat().Match(c);
        if (!m.Success)
        {
            return (c, 1);
        }

        var n = m.Groups["n"].Value.ToLowerInvariant() switch
        {
            "once" => 1, "twice" => 2, "thrice" => 3, "two" => 2, "three" => 3, "four" => 4, "five" => 5,
            var digits => int.Parse(digits, CultureInfo.InvariantCulture),
        };
        return (c[..m.Index].TrimEnd(), n);
    }

    /// <summary>"accept the dialog", "dismiss the alert", "accept the confirmation with OK"; null for anything else.</summary>
    private static StepIntent? ReadDialogAnswer(string c)
    {
        var m = DialogAnswer().Match(c);
        if (!m.Success)
        {
            return null;
        }

        var accept = m.Groups["verb"].Value.ToLowerInvariant() is "accept" or "confirm";
        if (!m.Groups["button"].Success)
        {
            return DialogTarget.Click(accept ? "OK" : "Cancel");
        }

        var button = QuotedText.Unquote(m.Groups["button"].Value);
        return DialogTarget.Accepts(button) == accept ? DialogTarget.Click(button) : null;
    }

    /// <summary>"answer the prompt with the name Bob": type Bob into the dialog, then click OK in it.</summary>
    private static IReadOnlyList<StepIntent>? ReadDialogReply(string c)
    {
        var m = DialogReply().Match(c);
        return m.Success && QuotedText.Unquote(m.Groups["text"].Value) is { Length: > 0 } text
            ? [DialogTarget.Type(text), DialogTarget.Click("OK")]
            : null;
    }

    /// <summary>A click target "OK in the dialog" gives the dialog's button; null when the target is not in a dialog.</summary>
    private static StepIntent? ReadDialogClick(string target, out bool inDialog)
    {
        var m = InDialog().Match(target.Trim());
        inDialog = m.Success;
        if (!m.Success)
        {
            return null;
        }

        var button = QuotedText.Unquote(Target(m.Groups["button"].Value));
        button = button.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? button[4..] : button;
        button = button.EndsWith(" button", StringComparison.OrdinalIgnoreCase) ? QuotedText.Unquote(button[..^7]) : button;
        return DialogTarget.Accepts(button) is null ? null : DialogTarget.Click(button);
    }

    private static bool IsDialog(string target) => DialogOnly().IsMatch(target.Trim());

    private static List<string> SplitOutsideQuotes(string text, string separator)
    {
        var parts = new List<string>();
        var mask = QuotedText.Mask(text);
        var start = 0;
        for (var i = text.IndexOf(separator, StringComparison.OrdinalIgnoreCase); i > 0; i = text.IndexOf(separator, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (!mask[i])
            {
                parts.Add(text[start..i].Trim());
                start = i + separator.Length;
            }
        }

        parts.Add(text[start..].Trim());
        return parts;
    }

    [GeneratedRegex(@"^(?<text>""[^""]+""|.+?)\s+as\s+(?:the|your)\s+(?<field>[\p{L}\p{N}][\p{L}\p{N}'\- ]{0,40})$", Options)]
    private static partial Regex AsThe();

    [GeneratedRegex(@"^(?i:pick|choose)\s+(?i:the)\s+(?!option\b)(?<what>""[^""]+""|[^""]+?)\s+(?<kind>[a-z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PickThe();

    [GeneratedRegex(@"\s+(?:(?<n>once|twice|thrice)|(?<n>\d{1,2}|two|three|four|five)\s+times)$", Options)]
    private static partial Regex Repeat();

    [GeneratedRegex(@"^(?<verb>accept|confirm|dismiss|cancel|close)\s+the\s+" + DialogWords + @"(?:\s+(?:with|by\s+(?:clicking|pressing|choosing))\s+(?<button>.+))?$", Options)]
    private static partial Regex DialogAnswer();

    [GeneratedRegex(@"^(?:answer|respond\s+to|reply\s+to|fill\s+in)\s+the\s+" + DialogWords + @"\s+with\s+(?:the\s+(?:name|text|value|answer|word)\s+)?(?<text>.+)$", Options)]
    private static partial Regex DialogReply();

    [GeneratedRegex(@"^(?<button>.+?)\s+(?:in|on|of)\s+the\s+" + DialogWords + "$", Options)]
    private static partial Regex InDialog();

    [GeneratedRegex(@"^(?:the\s+)?" + DialogWords + "$", Options)]
    private static partial Regex DialogOnly();
}
