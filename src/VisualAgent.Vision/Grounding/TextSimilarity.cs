using System.Globalization;
using System.Text;

namespace VisualAgent.Vision.Grounding;

/// <summary>Case-, whitespace-, punctuation- and diacritics-insensitive text comparison with a 0..1 score.</summary>
public static class TextSimilarity
{
    /// <summary>Lower-case letters and digits only, diacritics removed ("Ëxport  CSV!" -> "exportcsv").</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
        }

        return sb.ToString();
    }

    /// <summary>1 - edit distance / longer length of the normalised texts; 0 when either is empty.</summary>
    public static double Score(string a, string b) => ScoreNormalized(Normalize(a), Normalize(b));

    internal static double ScoreNormalized(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (a == b)
        {
            return 1;
        }

        return 1.0 - ((double)Levenshtein(a, b) / Math.Max(a.Length, b.Length));
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
