namespace VisualAgent.Bench.Metrics;

/// <summary>
/// Percentile bootstrap of the mean: <c>resamples</c> samples of n drawn with replacement, their means sorted, and the
/// (1 - confidence) / 2 and (1 + confidence) / 2 percentiles (linear interpolation, <see cref="Percentiles"/>) taken.
/// Deterministic: the draws come from <see cref="Random"/> seeded with <c>seed</c> (its seeded algorithm is fixed
/// across .NET versions), so the same scores, confidence, resamples and seed give the same interval.
/// </summary>
internal static class Bootstrap
{
    /// <summary>The interval for the mean of <paramref name="perSampleScores"/>; one score gives [score, score].</summary>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public static BootstrapInterval Interval(IReadOnlyList<double> perSampleScores, double confidence = 0.95, int resamples = 1000, int seed = 12345)
    {
        ArgumentNullException.ThrowIfNull(perSampleScores);
        if (confidence is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must be between 0 and 1 (exclusive), e.g. 0.95.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        var n = perSampleScores.Count;
        if (n == 0)
        {
            throw new ArgumentException("A bootstrap interval needs at least one score; check the count first.", nameof(perSampleScores));
        }

        var scores = perSampleScores.ToArray();
        var random = new Random(seed);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += scores[random.Next(n)];
            }

            means[r] = sum / n;
        }

        Array.Sort(means);
        var tail = (1 - confidence) / 2 * 100;
        return new BootstrapInterval(Percentiles.OfSorted(means, tail), Percentiles.OfSorted(means, 100 - tail));
    }
}
