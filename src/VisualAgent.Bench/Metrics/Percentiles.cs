namespace VisualAgent.Bench.Metrics;

/// <summary>
/// Percentiles with linear interpolation between the closest ranks (numpy's default "linear" method): the value at
/// rank p / 100 * (n - 1) of the sorted values. p50 of [1, 2, 3, 4] is 2.5; p95 of 1..100 is 95.05.
/// </summary>
internal static class Percentiles
{
    /// <summary>The <paramref name="p"/>-th percentile (0..100) of the values, which need not be sorted.</summary>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public static double Of(IReadOnlyList<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("A percentile of no values is undefined; check the count first.", nameof(values));
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        return OfSorted(sorted, p);
    }

    /// <summary>As <see cref="Of"/> for values already sorted ascending (not checked).</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100);
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("A percentile of no values is undefined; check the count first.", nameof(sorted));
        }

        var rank = p / 100 * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower));
    }
}
