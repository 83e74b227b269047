namespace VisualAgent.Models.Dialects.Parsing;

/// <summary>Bare coordinates in text: &lt;|box_start|&gt;(x1,y1),(x2,y2)&lt;|box_end|&gt; tokens, or "(x, y)" / "[x1, y1, x2, y2]" groups.</summary>
internal static class CoordinateGroups
{
    /// <summary>
    /// Coordinates inside &lt;|box_start|&gt;..&lt;|box_end|&gt; (an unclosed last one runs to the end); without those
    /// tokens, bracketed groups "(x,y)" / "[x1,y1,x2,y2]", where two adjacent point groups make one box.
    /// </summary>
    public static List<double[]> Find(string text)
    {
        var groups = new List<double[]>();
        const string Open = "<|box_start|>";
        const string Close = "<|box_end|>";
        var pos = text.IndexOf(Open, StringComparison.Ordinal);
        while (pos >= 0 && groups.Count < 16)
        {
            var close = text.IndexOf(Close, pos + Open.Length, StringComparison.Ordinal);
            var inner = text[(pos + Open.Length)..(close < 0 ? text.Length : close)];
            var numbers = Numbers.InText(inner, max: 8);
            if (numbers.Count is 2 or 4 && close >= 0)
            {
                groups.Add([.. numbers]);
            }

            pos = close < 0 ? -1 : text.IndexOf(Open, close + Close.Length, StringComparison.Ordinal);
        }

        return groups.Count > 0 ? groups : BracketGroups(text);
    }

    private static List<double[]> BracketGroups(string text)
    {
        var groups = new List<(int Start, int End, double[] Values)>();
        var i = 0;
        while (i < text.Length && groups.Count < 16)
        {
            if (text[i] is not ('(' or '['))
            {
                i++;
                continue;
            }

            var window = text.AsSpan(i + 1, Math.Min(80, text.Length - i - 1));
            var rel = window.IndexOfAny(')', ']');
            if (rel < 0)
            {
                i++;
                continue;
            }

            var end = i + 1 + rel;
            var inner = text[(i + 1)..end];
            var numbers = Numbers.InText(inner, max: 8);
            if (numbers.Count is 2 or 4 && inner.All(ch => char.IsAsciiDigit(ch) || ch is ',' or ' ' or '.' or '-' or '+'))
            {
                groups.Add((i, end, [.. numbers]));
            }

            i = end + 1;
        }

        var merged = new List<double[]>();
        for (var g = 0; g < groups.Count; g++)
        {
            var between = g + 1 < groups.Count ? text[(groups[g].End + 1)..groups[g + 1].Start].Trim() : null;
            if (groups[g].Values.Length == 2 && between is "," or "" && groups[g + 1].Values.Length == 2)
            {
                merged.Add([.. groups[g].Values, .. groups[g + 1].Values]);
                g++;
            }
            else
            {
                merged.Add(groups[g].Values);
            }
        }

        return merged;
    }
}
