namespace VisualAgent.Simulator;

/// <summary>Faults the simulated server can inject into a response.</summary>
public enum SimulatedFaultKind
{
    /// <summary>Wait <see cref="SimulatedFault.Delay"/> before answering normally (measurable as time to first token).</summary>
    Latency,

    /// <summary>HTTP 429 with Retry-After (whole seconds, rounded up from <see cref="SimulatedFault.RetryAfter"/>).</summary>
    RateLimit,

    /// <summary>HTTP 500.</summary>
    ServerError,

    /// <summary>Never answer; the request ends only when the client gives up (its timeout) or the server stops.</summary>
    Hang,

    /// <summary>Start the reply (a streamed chunk or half a JSON body), then drop the connection.</summary>
    TruncatedStream,

    /// <summary>HTTP 200 with reply text no dialect can parse.</summary>
    MalformedReply,

    /// <summary>HTTP 400 saying the prompt is longer than the model's context (vLLM's wording).</summary>
    ContextTooLong,
}
