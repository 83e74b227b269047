namespace VisualAgent.Agent.Targets;

/// <summary>
/// The rule for "verify TEXT" and "wait for TEXT": the text matched as a whole word sequence on word boundaries,
/// case-sensitive, whitespace normalised; digits never match inside a longer number ("4 results" does not match
/// "14 results" nor "4.5 results").
/// </summary>
public static class VisibleText
{
    public static bool Contains(string haystack, string text)
    {
        ArgumentNullException.ThrowIfNull(haystack);
        ArgumentNullException.ThrowIfNull(text);
        var hay = TargetPhrase.Normalize(haystack);
        var want = TargetPhrase.Normalize(text);
        if (want.Length == 0)
        {
            return false;
        }

        for (var i = hay.IndexOf(want, StringComparison.Ordinal); i >= 0; i = hay.IndexOf(want, i + 1, StringComparison.Ordinal))
        {
            if (Boundary(hay, i - 1, want[0], -1) && Boundary(hay, i + want.Length, want[^1], +1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the character at <paramref name="at"/> (outside the match) does not continue the word or number.</summary>
    private static bool Boundary(string hay, int at, char edge, int direction)
    {
        if (at < 0 || at >= hay.Length)
        {
            return true;
        }

        var c = hay[at];
        if (char.IsLetterOrDigit(edge) && char.IsLetterOrDigit(c))
        {
            return false;
        }

        // "4" next to ".5" or ",000": the digit is part of a longer number.
        if (char.IsDigit(edge) && c is '.' or ',')
        {
            var beyond = at + direction;
            return beyond < 0 || beyond >= hay.Length || !char.IsDigit(hay[beyond]);
        }

        return true;
    }
}
