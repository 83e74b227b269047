using System.Text.RegularExpressions;

namespace VisualAgent.Agent.Offline;

/// <summary>
/// Splits an instruction into clauses: at ";", newlines, ", then", " and then", ", VERB" and " and VERB" (the
/// "... and press Submit" tail), never inside quotes or {{placeholders}}.
/// </summary>
internal static partial class ClauseSplitter
{
    public static IReadOnlyList<string> Split(string instruction)
    {
        var clauses = new List<string>();
        foreach (var line in instruction.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith("<!--", StringComparison.Ordinal))
            {
                continue;
            }

            var before = clauses.Count;
            SplitLine(ListMarker().Replace(trimmed, ""), clauses);
            var added = clauses.GetRange(before, clauses.Count - before);
            JoinLeadingScopes(added);
            clauses.RemoveRange(before, clauses.Count - before);
            clauses.AddRange(added);
        }

        return clauses;
    }

    private static void SplitLine(string line, List<string> clauses)
    {
        var mask = QuotedText.Mask(line);
        var start = 0;
        foreach (Match m in Separator().Matches(line))
        {
            if (mask[m.Index] || m.Index < start)
            {
                continue;
            }

            Add(line[start..m.Index], clauses);
            start = m.Index + m.Length;
        }

        Add(line[start..], clauses);
    }

    /// <summary>"In the Sandwich Condiments list, check ..." keeps its leading scope on the clause it scopes.</summary>
    private static void JoinLeadingScopes(List<string> clauses)
    {
        for (var i = clauses.Count - 2; i >= 0; i--)
        {
            if (ScopeOnly().IsMatch(clauses[i]))
            {
                clauses[i] = clauses[i] + ", " + clauses[i + 1];
                clauses.RemoveAt(i + 1);
            }
        }
    }

    [GeneratedRegex(@"^(?:in|on|within|inside|for)\s+the\s+[^,;]+$", RegexOptions.IgnoreCase)]
    private static partial Regex ScopeOnly();

    private static void Add(string clause, List<string> clauses)
    {
        var c = clause.Trim().TrimEnd('.', ',', ';').Trim();
        c = LeadingFiller().Replace(c, "");
        if (c.Length > 0)
        {
            clauses.Add(c);
        }
    }

    private const string Verbs =
        "open|go to|go back|navigate|visit|click|double-click|double click|right-click|right click|tap|press|hit|type|enter|"
        + "fill|select|choose|pick|check|uncheck|tick|untick|scroll|hover|upload|attach|wait|verify|assert|expect|ensure|"
        + "make sure|confirm that|submit|log in|login|sign in|accept|dismiss|answer|respond";

    // ";" | ", then" | " and then" | " then " | ", VERB" | " and VERB" (the verb stays with the next clause).
    [GeneratedRegex(@";|,\s*(?:and\s+)?then\b\s*|\s+and\s+then\b\s*|\s+then\s+(?=(?:" + Verbs + @")\b)|,\s*(?:and\s+)?(?=(?:" + Verbs + @")\b)|\s+and\s+(?=(?:" + Verbs + @")\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(?:\d+[.)]|[-*\u2022])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^(?:(?:then|and|please|finally|first|next|now|also)\b[\s,]*)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFiller();
}
