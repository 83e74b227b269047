using System.Text;

namespace VisualAgent.Bench.Metrics;

/// <summary>
/// Character and word error rates for OCR. Both texts are first put through <see cref="Normalize"/>: Unicode NFC,
/// every run of white space (spaces, tabs, line breaks) becomes one space, leading and trailing space is removed, and
/// case is kept unless <c>ignoreCase</c> is set (then both are lower-cased, invariant culture). Punctuation is kept.
/// A rate is the Levenshtein distance divided by the length of the normalised truth, so it can exceed 1 when the
/// prediction inserts a lot. An empty truth gives 0 for an empty prediction and 1 otherwise.
/// </summary>
internal static class TextMetrics
{
    /// <summary>The normalisation both rates apply (see the type's summary).</summary>
    public static string Normalize(string text, bool ignoreCase = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        var normalized = builder.ToString();
        return ignoreCase ? normalized.ToLowerInvariant() : normalized;
    }

    /// <summary>Character error rate: edit distance over Unicode code points / code points in the truth.</summary>
    public static double Cer(string truth, string predicted, bool ignoreCase = false)
    {
        var t = CodePoints(Normalize(truth, ignoreCase));
        var p = CodePoints(Normalize(predicted, ignoreCase));
        return Rate(EditDistance.Of<int>(t, p), t.Length, p.Length);
    }

    /// <summary>Word error rate: edit distance over space-separated words / words in the truth.</summary>
    public static double Wer(string truth, string predicted, bool ignoreCase = false)
    {
        var t = Words(Normalize(truth, ignoreCase));
        var p = Words(Normalize(predicted, ignoreCase));
        return Rate(EditDistance.Of<string>(t, p), t.Length, p.Length);
    }

    /// <summary>The Levenshtein distance between the normalised texts, in code points.</summary>
    public static int CharacterEdits(string truth, string predicted, bool ignoreCase = false) =>
        EditDistance.Of<int>(CodePoints(Normalize(truth, ignoreCase)), CodePoints(Normalize(predicted, ignoreCase)));

    private static double Rate(int edits, int truthLength, int predictedLength) =>
        truthLength == 0 ? (predictedLength == 0 ? 0 : 1) : (double)edits / truthLength;

    private static int[] CodePoints(string s) => [.. s.EnumerateRunes().Select(r => r.Value)];

    private static string[] Words(string normalized) => normalized.Length == 0 ? [] : normalized.Split(' ');
}
