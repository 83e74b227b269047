namespace VisualAgent.Bench.Metrics;

/// <summary>N-gram counting shared by BLEU and CIDEr-D; an n-gram is its words joined by a space.</summary>
internal static class NGrams
{
    public const int MaxN = 4;

    /// <summary>Counts of every 1..<see cref="MaxN"/>-gram of the words; <c>byLength[k]</c> holds the (k+1)-grams.</summary>
    public static Dictionary<string, int>[] Count(IReadOnlyList<string> words)
    {
        var byLength = new Dictionary<string, int>[MaxN];
        for (var k = 1; k <= MaxN; k++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i + k <= words.Count; i++)
            {
                var gram = string.Join(' ', words.Skip(i).Take(k));
                counts[gram] = counts.GetValueOrDefault(gram) + 1;
            }

            byLength[k - 1] = counts;
        }

        return byLength;
    }
}
