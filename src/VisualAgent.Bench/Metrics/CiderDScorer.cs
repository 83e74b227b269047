namespace VisualAgent.Bench.Metrics;

/// <summary>
/// CIDEr-D as pycocoevalcap's cider_scorer.py computes it: document frequencies of the 1..4-grams over the reference
/// sets of the corpus (one document per image), TF-IDF vectors with idf = log(images) - log(max(1, df)), for each
/// reference the clipped cosine similarity per n times the Gaussian length penalty exp(-delta^2 / (2 * 6^2)), mean over
/// n, mean over the references, times 10. As there, the "length" in delta counts bigrams. Where pycocoevalcap divides
/// by a zero norm (an n with no n-grams, or a one-image corpus where every idf is 0) and yields NaN, this gives 0.
/// </summary>
internal static class CiderDScorer
{
    private const double Sigma = 6.0;

    public static double[] Score(IReadOnlyList<IReadOnlyList<string>> candidates, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> references)
    {
        var refCounts = references.Select(set => set.Select(NGrams.Count).ToList()).ToList();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in refCounts)
        {
            foreach (var gram in set.SelectMany(r => r.SelectMany(k => k.Keys)).Distinct(StringComparer.Ordinal))
            {
                documentFrequency[gram] = documentFrequency.GetValueOrDefault(gram) + 1;
            }
        }

        var logImages = Math.Log(candidates.Count);
        var scores = new double[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            var test = Vector(NGrams.Count(candidates[i]), documentFrequency, logImages);
            var sum = new double[NGrams.MaxN];
            foreach (var reference in refCounts[i])
            {
                var r = Vector(reference, documentFrequency, logImages);
                var penalty = Math.Exp(-Math.Pow(test.Length - r.Length, 2) / (2 * Sigma * Sigma));
                for (var k = 0; k < NGrams.MaxN; k++)
                {
                    var dot = 0.0;
                    foreach (var (gram, weight) in test.Weights[k])
                    {
                        var refWeight = r.Weights[k].GetValueOrDefault(gram);
                        dot += Math.Min(weight, refWeight) * refWeight;
                    }

                    var norms = test.Norms[k] * r.Norms[k];
                    sum[k] += norms == 0 ? 0 : dot / norms * penalty;
                }
            }

            scores[i] = sum.Average() / refCounts[i].Count * 10.0;
        }

        return scores;
    }

    private static (Dictionary<string, double>[] Weights, double[] Norms, int Length) Vector(
        Dictionary<string, int>[] counts, Dictionary<string, int> documentFrequency, double logImages)
    {
        var weights = new Dictionary<string, double>[NGrams.MaxN];
        var norms = new double[NGrams.MaxN];
        for (var k = 0; k < NGrams.MaxN; k++)
        {
            weights[k] = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (gram, tf) in counts[k])
            {
                var w = tf * (logImages - Math.Log(Math.Max(1, documentFrequency.GetValueOrDefault(gram))));
                weights[k][gram] = w;
                norms[k] += w * w;
            }

            norms[k] = Math.Sqrt(norms[k]);
        }

        return (weights, norms, counts[1].Values.Sum());
    }
}
