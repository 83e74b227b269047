using System.Globalization;

namespace VisualAgent.Models.Dialects.Parsing;

/// <summary>Reads coordinate numbers from loose values and from text such as "(100,200)" or "&lt;point&gt;1 2&lt;/point&gt;".</summary>
internal static class Numbers
{
    /// <summary>
    /// The numbers of a coordinate value: a complete list of numbers (nested lists flattened, numeric strings accepted)
    /// or a string holding numbers. Null when absent or cut off.
    /// </summary>
    public static double[]? From(LooseNode? node)
    {
        switch (node)
        {
            case LooseString s:
                var parsed = InText(s.Value);
                return parsed.Count == 0 ? null : [.. parsed];
            case LooseNumber n:
                return [n.Value];
            case LooseArray { Complete: true } a:
                var values = new List<double>();
                foreach (var item in a.Items)
                {
                    if (From(item) is not { } inner || values.Count + inner.Length > 8)
                    {
                        return null;
                    }

                    values.AddRange(inner);
                }

                return values.Count == 0 ? null : [.. values];
            default:
                return null;
        }
    }

    /// <summary>
    /// Every number in <paramref name="text"/> ("-12.5", "1e3", "NaN", "inf"), after dropping special tokens such as
    /// &lt;|box_start|&gt;. At most <paramref name="max"/> numbers are read.
    /// </summary>
    public static List<double> InText(string text, int max = 16)
    {
        var result = new List<double>();
        var i = 0;
        while (i < text.Length && result.Count < max)
        {
            var c = text[i];
            if (c == '<' && text.AsSpan(i).StartsWith("<|"))
            {
                var end = text.IndexOf("|>", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
                continue;
            }

            if (char.IsAsciiDigit(c) || (c is '-' or '+' or '.' && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] == '.')))
            {
                var start = i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'
                    || (text[i] is 'e' or 'E' && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] is '-' or '+'))
                    || (text[i] is '-' or '+' && text[i - 1] is 'e' or 'E')))
                {
                    i++;
                }

                if (double.TryParse(text.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    result.Add(v);
                }

                continue;
            }

            if (char.IsAsciiLetter(c) && (i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1])))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiLetter(text[i]))
                {
                    i++;
                }

                var word = text.AsSpan(start, i - start);
                if (word.Equals("nan", StringComparison.OrdinalIgnoreCase))
                {
                    result.Add(double.NaN);
                }
                else if (word.Equals("inf", StringComparison.OrdinalIgnoreCase) || word.Equals("infinity", StringComparison.OrdinalIgnoreCase))
                {
                    result.Add(start > 0 && text[start - 1] == '-' ? double.NegativeInfinity : double.PositiveInfinity);
                }

                continue;
            }

            i++;
        }

        return result;
    }
}
