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

    /// <summary>HTTP 200 answering with <see cref="SimulatedFault.Text"/> as the model's reply text (a hostile or odd reply).</summary>
    Reply,

    /// <summary>
    /// HTTP 200 with a reply of <see cref="SimulatedFault.Size"/> bytes, written in pieces with no Content-Length, so a client
    /// that caps replies must cut it off while it is still arriving.
    /// </summary>
    HugeReply,

    /// <summary>HTTP 200 with an HTML page (text/html), as a proxy or a web server at the wrong URL answers.</summary>
    HtmlPage,

    /// <summary>HTTP 200 with the content type the request asked for and a body that is neither JSON nor server-sent events.</summary>
    Garbage,

    /// <summary>A streaming request answered with one JSON body (application/json), as a server that ignores "stream" does.</summary>
    NotStreamed,

    /// <summary>A stream whose second chunk is not valid JSON, then [DONE].</summary>
    MalformedChunk,
}
