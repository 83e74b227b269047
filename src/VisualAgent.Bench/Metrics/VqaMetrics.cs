using System.Text.RegularExpressions;

namespace VisualAgent.Bench.Metrics;

/// <summary>
/// VQAv2 scoring. <see cref="Normalize"/> is the standard answer normalisation as the EvalAI VQA challenge server
/// applies it (the answer processor of facebookresearch/mmf, also used by lmms-eval), which follows vqaEval.py
/// (GT-Vision-Lab/VQA): lower case; commas and question marks removed, "'s" split off; punctuation next to a space
/// removed, elsewhere replaced by a space (all removed when the text has a digit-comma-digit); a period not followed
/// by a digit removed; number words "none", "zero" .. "ten" become digits; articles a, an, the dropped; apostrophe-less
/// contractions restored ("isnt" -> "isn't", straight apostrophes). Unlike vqaEval.py, whose ground-truth answers were
/// normalised when the data set was made, <see cref="SoftAccuracy"/> normalises the ground-truth answers too.
/// </summary>
internal static partial class VqaMetrics
{
    /// <summary>The standard VQA answer normalisation (see the type's summary).</summary>
    public static string Normalize(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = answer.ToLowerInvariant().Replace(",", "", StringComparison.Ordinal).Replace("?", "", StringComparison.Ordinal)
            .Replace("'s", " 's", StringComparison.Ordinal).Trim();
        text = text.Replace('\n', ' ').Replace('\t', ' ').Trim();
        text = ProcessPunctuation(text);
        return ProcessDigitArticle(text);
    }

    /// <summary>
    /// VQAv2 soft accuracy: for each of the 10 leave-one-out subsets of the human answers, min(1, matches / 3), averaged
    /// (so 1 match = 0.3, 2 = 0.6, 3 = 0.9, 4 or more = 1). Answers and prediction are compared after
    /// <see cref="Normalize"/>. Fewer than 10 answers are repeated in order until there are 10 (the OK-VQA convention
    /// for its 5 answers, each counted twice; one answer thus scores 1 or 0); more than 10 use all leave-one-out subsets.
    /// </summary>
    /// <exception cref="ArgumentException">No answers were given.</exception>
    public static double SoftAccuracy(string predicted, IReadOnlyList<string> answers)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count == 0)
        {
            throw new ArgumentException("A VQA question needs at least one ground-truth answer.", nameof(answers));
        }

        var p = Normalize(predicted);
        var n = Math.Max(10, answers.Count);
        var same = new bool[n];
        for (var i = 0; i < n; i++)
        {
            same[i] = string.Equals(Normalize(answers[i % answers.Count]), p, StringComparison.Ordinal);
        }

        var matches = same.Count(s => s);
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            total += Math.Min(1.0, (matches - (same[i] ? 1 : 0)) / 3.0);
        }

        return total / n;
    }

    private static string ProcessPunctuation(string text)
    {
        var output = text;
        var hasDigitComma = DigitComma().IsMatch(text);
        foreach (var p in VqaContractions.Punctuation)
        {
            var remove = hasDigitComma || text.Contains(p + " ", StringComparison.Ordinal) || text.Contains(" " + p, StringComparison.Ordinal);
            output = output.Replace(p, remove ? "" : " ", StringComparison.Ordinal);
        }

        // vqaEval.py's "(?!<=\d)(\.)(?!\d)": its leading look-ahead never matches, so it is "a period not before a digit".
        return PeriodNotBeforeDigit().Replace(output, "");
    }

    private static string ProcessDigitArticle(string text)
    {
        var words = new List<string>();
        foreach (var raw in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = VqaContractions.NumberWords.GetValueOrDefault(raw, raw);
            if (!VqaContractions.Articles.Contains(word))
            {
                words.Add(VqaContractions.Contractions.GetValueOrDefault(word, word));
            }
        }

        return string.Join(' ', words);
    }

    [GeneratedRegex(@"(?<=\d),+(?=\d)")]
    private static partial Regex DigitComma();

    [GeneratedRegex(@"\.(?!\d)")]
    private static partial Regex PeriodNotBeforeDigit();
}
