namespace VisualAgent.Bench.Metrics;

/// <summary>
/// BLEU as pycocoevalcap's bleu_scorer.py computes it with option "closest": clipped n-gram counts per sentence
/// against the maximum count in any reference, summed over the corpus; the reference length of a sentence is the one
/// closest to its length (ties: the shorter); the same tiny/small smoothing constants, so a corpus without any 4-gram
/// match scores a small positive number, as there.
/// </summary>
internal static class BleuScorer
{
    private const double Tiny = 1e-15;
    private const double Small = 1e-9;

    public sealed record Counts(int TestLength, int ReferenceLength, long[] Guess, long[] Correct);

    public static Counts Cook(IReadOnlyList<string> candidate, IReadOnlyList<IReadOnlyList<string>> references)
    {
        var maxCounts = new Dictionary<string, int>[NGrams.MaxN];
        for (var k = 0; k < NGrams.MaxN; k++)
        {
            maxCounts[k] = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        foreach (var reference in references)
        {
            var counts = NGrams.Count(reference);
            for (var k = 0; k < NGrams.MaxN; k++)
            {
                foreach (var (gram, count) in counts[k])
                {
                    maxCounts[k][gram] = Math.Max(maxCounts[k].GetValueOrDefault(gram), count);
                }
            }
        }

        var testLength = candidate.Count;
        var referenceLength = references.Select(r => r.Count).MinBy(l => (Math.Abs(l - testLength), l));
        var test = NGrams.Count(candidate);
        var guess = new long[NGrams.MaxN];
        var correct = new long[NGrams.MaxN];
        for (var k = 0; k < NGrams.MaxN; k++)
        {
            guess[k] = Math.Max(0, testLength - k);
            foreach (var (gram, count) in test[k])
            {
                correct[k] += Math.Min(maxCounts[k].GetValueOrDefault(gram), count);
            }
        }

        return new Counts(testLength, referenceLength, guess, correct);
    }

    /// <summary>BLEU-1..4 over the summed counts, each with the brevity penalty.</summary>
    public static double[] Score(IEnumerable<Counts> sentences)
    {
        long testLength = 0, referenceLength = 0;
        var guess = new long[NGrams.MaxN];
        var correct = new long[NGrams.MaxN];
        foreach (var s in sentences)
        {
            testLength += s.TestLength;
            referenceLength += s.ReferenceLength;
            for (var k = 0; k < NGrams.MaxN; k++)
            {
                guess[k] += s.Guess[k];
                correct[k] += s.Correct[k];
            }
        }

        var ratio = (testLength + Tiny) / (referenceLength + Small);
        var penalty = ratio < 1 ? Math.Exp(1 - (1 / ratio)) : 1;
        var scores = new double[NGrams.MaxN];
        var product = 1.0;
        for (var n = 1; n <= NGrams.MaxN; n++)
        {
            product *= (correct[n - 1] + Tiny) / (guess[n - 1] + Small);
            scores[n - 1] = Math.Pow(product, 1.0 / n) * penalty;
        }

        return scores;
    }
}
