namespace VisualAgent.Models.Client;

/// <summary>Why a model call failed; decides whether it is worth retrying.</summary>
public enum ModelFailureKind
{
    /// <summary>No connection: server down, wrong host or port, connection reset (retried, replica cooled down).</summary>
    Connection,

    /// <summary>HTTP 429 (retried, honouring Retry-After).</summary>
    RateLimited,

    /// <summary>HTTP 5xx (retried).</summary>
    ServerError,

    /// <summary>A streamed reply ended before the server said it was finished (retried).</summary>
    Truncated,

    /// <summary>No complete reply within the profile's TimeoutSeconds.</summary>
    Timeout,

    /// <summary>HTTP 404: wrong URL or a model id the server does not serve.</summary>
    NotFound,

    /// <summary>HTTP 401/403: missing or wrong API key.</summary>
    Unauthorized,

    /// <summary>HTTP 400 saying the prompt exceeds the model's context.</summary>
    ContextTooLong,

    /// <summary>Any other refusal of the request (HTTP 4xx).</summary>
    BadRequest,

    /// <summary>
    /// HTTP 200 with a body that is not a chat-completions reply: an HTML page, garbage, a malformed stream chunk, a JSON
    /// body where a stream was asked for. Not retried: the same request gets the same answer.
    /// </summary>
    InvalidReply,

    /// <summary>The reply is larger than the profile's MaxReplyBytes; it was cut off, not read whole. Not retried.</summary>
    ReplyTooLarge,
}
