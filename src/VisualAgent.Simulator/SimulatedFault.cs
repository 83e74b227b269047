namespace VisualAgent.Simulator;

/// <summary>
/// A fault injected into the next <see cref="Count"/> matching requests (null = every one). With <see cref="When"/>
/// set, only requests whose user text contains it match; otherwise every request does.
/// </summary>
public sealed record SimulatedFault(SimulatedFaultKind Kind)
{
    public int? Count { get; init; } = 1;

    public string? When { get; init; }

    /// <summary>Latency: how long to wait before answering.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>RateLimit: the Retry-After to send (rounded up to whole seconds as HTTP requires).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Reply: the reply text to send, verbatim.</summary>
    public string? Text { get; init; }

    /// <summary>HugeReply: bytes in the body (default 150 MB).</summary>
    public long Size { get; init; } = 150L * 1000 * 1000;
}
