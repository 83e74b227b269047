namespace VisualAgent.Bench.Metrics;

/// <summary>Levenshtein distance (unit cost insert, delete, substitute) with two rows of memory.</summary>
internal static class EditDistance
{
    public static int Of<T>(ReadOnlySpan<T> truth, ReadOnlySpan<T> predicted)
        where T : IEquatable<T>
    {
        if (truth.IsEmpty)
        {
            return predicted.Length;
        }

        if (predicted.IsEmpty)
        {
            return truth.Length;
        }

        var previous = new int[predicted.Length + 1];
        var current = new int[predicted.Length + 1];
        for (var j = 0; j <= predicted.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= truth.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= predicted.Length; j++)
            {
                var substitute = previous[j - 1] + (truth[i - 1].Equals(predicted[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[predicted.Length];
    }
}
