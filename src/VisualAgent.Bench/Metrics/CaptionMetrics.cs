using System.Text;

namespace VisualAgent.Bench.Metrics;

/// <summary>
/// Caption scoring as in pycocoevalcap (the COCO caption evaluation): corpus BLEU-4 and CIDEr-D. Captions are
/// tokenised by <see cref="Tokenize"/>: lower case, apostrophes dropped ("don't" -> "dont"), every other punctuation
/// or symbol character a word break. pycocoevalcap uses the Stanford PTB tokenizer and then drops punctuation tokens;
/// the two agree on plain-word captions, which is what the built-in sets hold.
/// </summary>
internal static class CaptionMetrics
{
    /// <summary>The tokenisation both metrics apply (see the type's summary).</summary>
    public static IReadOnlyList<string> Tokenize(string caption)
    {
        ArgumentNullException.ThrowIfNull(caption);
        var builder = new StringBuilder(caption.Length);
        foreach (var c in caption.ToLowerInvariant())
        {
            if (c is '\'' or '\u2019')
            {
                continue;
            }

            builder.Append(char.IsPunctuation(c) || char.IsSymbol(c) ? ' ' : c);
        }

        return builder.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Corpus BLEU-4 with the brevity penalty (pycocoevalcap's "Bleu_4").</summary>
    public static double Bleu4(IReadOnlyList<string> candidates, IReadOnlyList<IReadOnlyList<string>> references) =>
        BleuScores(candidates, references)[3];

    /// <summary>Corpus BLEU-1, -2, -3 and -4 (index 0..3), each with the brevity penalty.</summary>
    public static IReadOnlyList<double> BleuScores(IReadOnlyList<string> candidates, IReadOnlyList<IReadOnlyList<string>> references)
    {
        Validate(candidates, references);
        return BleuScorer.Score(candidates.Select((c, i) => BleuScorer.Cook(Tokenize(c), [.. references[i].Select(Tokenize)])));
    }

    /// <summary>
    /// Sentence-level BLEU-4 of each candidate (its own counts and brevity penalty), for per-sample tables and the
    /// bootstrap. Their mean is not the corpus BLEU-4.
    /// </summary>
    public static IReadOnlyList<double> Bleu4PerSample(IReadOnlyList<string> candidates, IReadOnlyList<IReadOnlyList<string>> references)
    {
        Validate(candidates, references);
        return [.. candidates.Select((c, i) => BleuScorer.Score([BleuScorer.Cook(Tokenize(c), [.. references[i].Select(Tokenize)])])[3])];
    }

    /// <summary>CIDEr-D over the corpus (pycocoevalcap's "CIDEr"): the mean of <see cref="CiderDPerSample"/>.</summary>
    public static double CiderD(IReadOnlyList<string> candidates, IReadOnlyList<IReadOnlyList<string>> references) =>
        CiderDPerSample(candidates, references).Average();

    /// <summary>
    /// CIDEr-D of each candidate; document frequencies come from all the references given, so a score depends on the
    /// corpus it is computed in. Scores range 0..10 (10 = the candidate equals every one of its references).
    /// </summary>
    public static IReadOnlyList<double> CiderDPerSample(IReadOnlyList<string> candidates, IReadOnlyList<IReadOnlyList<string>> references)
    {
        Validate(candidates, references);
        return CiderDScorer.Score([.. candidates.Select(Tokenize)], [.. references.Select(r => (IReadOnlyList<IReadOnlyList<string>>)[.. r.Select(Tokenize)])]);
    }

    private static void Validate(IReadOnlyList<string> candidates, IReadOnlyList<IReadOnlyList<string>> references)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(references);
        if (candidates.Count != references.Count)
        {
            throw new ArgumentException($"{candidates.Count} candidate(s) but {references.Count} reference set(s); give one reference set per candidate.", nameof(references));
        }

        if (candidates.Count == 0)
        {
            throw new ArgumentException("Caption metrics need at least one candidate.", nameof(candidates));
        }

        var empty = references.Select((r, i) => (r, i)).FirstOrDefault(x => x.r.Count == 0);
        if (empty.r is not null)
        {
            throw new ArgumentException($"Reference set {empty.i} is empty; every candidate needs at least one reference.", nameof(references));
        }
    }
}
