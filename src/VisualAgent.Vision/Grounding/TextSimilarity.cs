using System.Text;

namespace VisualAgent.Vision.Grounding;

/// <summary>Case-, whitespace-, punctuation- and diacritics-insensitive text comparison with a 0..1 score.</summary>
public static class TextSimilarity
{
    // InvariantGlobalization is on, so string.Normalize(FormD) cannot strip accents: fold the Latin ones by table.
    private static readonly Dictionary<char, string> Folds = BuildFolds();

    /// <summary>Lower-case letters and digits only, diacritics removed ("Ëxport  CSV!" -> "exportcsv", "ß" -> "ss").</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var ch = char.ToLowerInvariant(c);
            if (Folds.TryGetValue(ch, out var folded))
            {
                sb.Append(folded);
            }
            else if (char.IsLetterOrDigit(ch))
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    private static Dictionary<char, string> BuildFolds()
    {
        (string From, string To)[] groups =
        [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
            ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("þ", "th"),
        ];
        var map = new Dictionary<char, string>();
        foreach (var (from, to) in groups)
        {
            foreach (var ch in from)
            {
                map[ch] = to;
            }
        }

        return map;
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
