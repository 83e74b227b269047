using VisualAgent.Geometry;
using VisualAgent.Grounding;
using VisualAgent.Models.Dialects;

namespace VisualAgent.Models.Client;

/// <summary>The outcome of one model call: the parsed reply (screenshot pixels of the original image) and how it was obtained.</summary>
public sealed record ModelCallResult
{
    public required ParsedReply Reply { get; init; }

    /// <summary>The reply text that parsed (structured tool calls rendered as &lt;tool_call&gt; blocks).</summary>
    public required string Raw { get; init; }

    /// <summary>Size of the (last) screenshot as captured.</summary>
    public required PixelSize OriginalSize { get; init; }

    /// <summary>The exact size that screenshot was sent at; the reply was mapped with it.</summary>
    public required PixelSize SentSize { get; init; }

    /// <summary>Sent sizes of every image of the request, in order.</summary>
    public IReadOnlyList<PixelSize> SentSizes { get; init; } = [];

    /// <summary>Tokens of all HTTP calls made (the corrective follow-up included); image tokens estimated from the sent sizes.</summary>
    public TokenUsage? Usage { get; init; }

    /// <summary>Wall time of all HTTP calls made.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Time to the first token of the first call (streamed requests only).</summary>
    public TimeSpan? TimeToFirstToken { get; init; }

    /// <summary>HTTP calls made: 1, or 2 when the first reply did not parse and a corrective follow-up was sent.</summary>
    public int Calls { get; init; } = 1;

    /// <summary>Replies that did not parse, before the one that did.</summary>
    public IReadOnlyList<string> RejectedReplies { get; init; } = [];

    /// <summary>The model id the server reported.</summary>
    public string? ModelId { get; init; }

    public string? Endpoint { get; init; }

    /// <summary>True when the reply came from the simulated server (its system_fingerprint says so).</summary>
    public bool Simulated { get; init; }
}
