namespace VisualAgent.Models.Client;

/// <summary>Bounded retry with exponential backoff and jitter, honouring the server's Retry-After.</summary>
public sealed record RetryOptions
{
    /// <summary>Attempts in total, the first included (default 4; 1 = no retry).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Delay before the second attempt; doubles each time, times a jitter factor in [0.5, 1.5) (default 0.5 s).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Upper bound of a backoff delay (default 20 s).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Upper bound of a server's Retry-After that is honoured (default 60 s); longer waits are cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    public static RetryOptions None { get; } = new() { MaxAttempts = 1 };

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1.</summary>
    public TimeSpan DelayFor(int attempt, TimeSpan? retryAfter, double jitter)
    {
        if (retryAfter is { } ra)
        {
            return ra < MaxRetryAfter ? ra : MaxRetryAfter;
        }

        var ms = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1)) * (0.5 + jitter);
        return TimeSpan.FromMilliseconds(Math.Min(ms, MaxDelay.TotalMilliseconds));
    }
}
