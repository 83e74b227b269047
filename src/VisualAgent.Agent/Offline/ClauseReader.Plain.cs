using System.Text.RegularExpressions;
using VisualAgent.Planning;

namespace VisualAgent.Agent.Offline;

/// <summary>
/// Plain-English forms read exactly or not at all: a leading scope ("In the Sandwich Condiments list, check ..."),
/// lists of names ("check Lettuce and Mustard"), "turn X on|off", "open the X tab", "... with the X button",
/// "set the X field to Y". Anything half-understood is left unread, so the clause is refused with the forms.
/// </summary>
internal static partial class ClauseReader
{
    /// <summary>"In the SCOPE [list|section|...], CLAUSE": the clause's targets looked for inside that scope.</summary>
    private static IReadOnlyList<StepIntent>? ReadScoped(string c)
    {
        var m = LeadingScope().Match(c);
        if (!m.Success || Read(m.Groups["rest"].Value) is not { Count: > 0 } inner)
        {
            return m.Success ? [] : null;
        }

        var scope = QuotedText.Unquote(m.Groups["scope"].Value.Trim());
        if (Regex.IsMatch(scope, @"\b(?:frame|iframe|page|window|screen|browser)$", Options))
        {
            // A frame or the page is not a scope: its elements are read with the page's.
            return inner;
        }

        var kind = m.Groups["kind"].Success && !m.Groups["kind"].Value.StartsWith("option", StringComparison.OrdinalIgnoreCase)
            ? " " + m.Groups["kind"].Value.ToLowerInvariant() : "";
        // Only choices are scoped this way for now ("In the X list, check A and B"); other scoped clauses stay unread.
        if (inner.Any(i => i.Verb is not (StepVerb.Check or StepVerb.Uncheck)))
        {
            return [];
        }

        var scoped = new List<StepIntent>();
        foreach (var intent in inner)
        {
            if (intent.Target is not { } target || target.Contains('|', StringComparison.Ordinal) || DialogTarget.Answers(intent))
            {
                return [];
            }

            var named = target.StartsWith("the ", StringComparison.OrdinalIgnoreCase) || target.Contains('"', StringComparison.Ordinal) ? target : $"\"{target}\"";
            scoped.Add(intent with { Target = $"{named} in the \"{scope}\"{kind}" });
        }

        return scoped;
    }

    /// <summary>"check A, B and C" / "uncheck A and B": one step per name when every name is short and plain.</summary>
    private static IReadOnlyList<StepIntent>? ReadCheckList(string c)
    {
        var m = CheckVerb().Match(c);
        if (!m.Success)
        {
            return null;
        }

        var parts = ListSeparator().Split(m.Groups["target"].Value.Trim().TrimEnd('.'));
        if (parts.Length < 2 || parts.Any(p => p.Trim().Length == 0 || p.Trim().StartsWith("the ", StringComparison.OrdinalIgnoreCase) || p.Trim().Split(' ').Length > 4))
        {
            return null;
        }

        var verb = m.Groups["verb"].Value.StartsWith("un", StringComparison.OrdinalIgnoreCase) ? StepVerb.Uncheck : StepVerb.Check;
        return [.. parts.Select(p => Targeted(verb, p.Trim()))];
    }

    private static StepIntent? ReadPlain(string c)
    {
        Match m;
        if ((m = TurnOnOff().Match(c)).Success)
        {
            var on = string.Equals(m.Groups["state"].Value, "on", StringComparison.OrdinalIgnoreCase);
            var what = Regex.Replace(m.Groups["target"].Value.Trim(), @"^the\s+(?=.+\s+(?:option|setting)$)|\s+(?:option|setting)$", "", Options);
            return Targeted(on ? StepVerb.Check : StepVerb.Uncheck, what);
        }

        if ((m = OpenWidget().Match(c)).Success)
        {
            // A section, panel or folder opens by its header, which carries its name: "the X section" -> "X".
            var target = m.Groups["target"].Value.Trim();
            var header = Regex.Match(target, @"^the\s+(?<name>.+?)\s+(?:section|panel|accordion|folder|dialog)$", Options);
            return header.Success ? new StepIntent(StepVerb.Click) { Target = QuotedText.Unquote(header.Groups["name"].Value) } : Targeted(StepVerb.Click, target);
        }

        if ((m = WithControl().Match(c)).Success)
        {
            var target = m.Groups["target"].Value;
            var box = Regex.IsMatch(target, @"\b(?:checkbox|check box|switch)$", Options);
            return Targeted(box ? StepVerb.Check : StepVerb.Click, target);
        }

        if ((m = SetTo().Match(c)).Success)
        {
            return Type(m.Groups["text"].Value, m.Groups["target"].Value);
        }

        return null;
    }

    [GeneratedRegex(@"^(?:in|on|within|inside|for)\s+the\s+(?<scope>""[^""]+""|[^,""]+?)(?:\s+(?<kind>list|section|group|dialog|form|table|grid|menu|toolbar|panel|tab|options?))?\s*,\s*(?<rest>.+)$", Options)]
    private static partial Regex LeadingScope();

    [GeneratedRegex(@"\s*,\s*(?:and\s+)?|\s+and\s+", Options)]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"^turn\s+(?<target>.+?)\s+(?<state>on|off)\.?$|^turn\s+(?<state>on|off)\s+(?<target>.+?)\.?$", Options)]
    private static partial Regex TurnOnOff();

    [GeneratedRegex(@"^(?:open|expand|show)\s+(?<target>the\s+(?:(?!\s(?:in|on|into|with|from|as)\s).)+?\s+(?:tab|menu|section|dialog|folder|panel|accordion))\.?$", Options)]
    private static partial Regex OpenWidget();

    [GeneratedRegex(@"^\w+\b.*?\s+with\s+(?<target>the\s+(?:""[^""]+""|[^""]+?)\s+(?:button|checkbox|check box|switch|link))\.?$", Options)]
    private static partial Regex WithControl();

    [GeneratedRegex(@"^set\s+(?<target>the\s+.+?\s+(?:field|box|input))\s+to\s+(?<text>.+?)\.?$", Options)]
    private static partial Regex SetTo();
}
