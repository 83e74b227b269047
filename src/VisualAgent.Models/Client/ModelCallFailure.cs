namespace VisualAgent.Models.Client;

/// <summary>
/// The classified cause of a failed model call, carried as the InnerException of the ModelUnavailableException the
/// client throws. Retry and replica balancing read it; its message never contains API keys or image bytes.
/// </summary>
public sealed class ModelCallFailure : Exception
{
    public ModelCallFailure()
    {
    }

    public ModelCallFailure(string message)
        : base(message)
    {
    }

    public ModelCallFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ModelCallFailure(ModelFailureKind kind, string message, Uri? endpoint = null, int? statusCode = null, TimeSpan? retryAfter = null)
        : base(message)
    {
        Kind = kind;
        Endpoint = endpoint;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public ModelFailureKind Kind { get; }

    public Uri? Endpoint { get; }

    public int? StatusCode { get; }

    /// <summary>The server's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Worth another attempt: connection errors, 429, 5xx, truncated streams.</summary>
    public bool IsTransient => Kind is ModelFailureKind.Connection or ModelFailureKind.RateLimited
        or ModelFailureKind.ServerError or ModelFailureKind.Truncated;
}
