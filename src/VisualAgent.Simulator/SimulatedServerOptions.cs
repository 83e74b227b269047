namespace VisualAgent.Simulator;

/// <summary>Settings of a <see cref="SimulatedServer"/>; defaults suit tests.</summary>
public sealed class SimulatedServerOptions
{
    /// <summary>Model ids the server serves besides the dialect's own id; any other id gets HTTP 404 as from vLLM.</summary>
    public List<string> ModelIds { get; set; } = [];

    /// <summary>Accept any model id (no 404s).</summary>
    public bool AcceptAnyModel { get; set; }

    /// <summary>When set, requests must carry "Authorization: Bearer &lt;ApiKey&gt;" or get HTTP 401.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Reply context settings the answers are written with (match the profile's).</summary>
    public double Divisor { get; set; } = 1000;

    public bool PadToSquare { get; set; } = true;

    /// <summary>When the request lists tools, return &lt;tool_call&gt; blocks as structured tool_calls (vLLM's hermes parser).</summary>
    public bool StructuredToolCalls { get; set; } = true;

    /// <summary>Characters per streamed chunk.</summary>
    public int ChunkSize { get; set; } = 12;

    /// <summary>
    /// A serving mistake: the server resizes every image by this factor before the model sees it, and the model answers
    /// in the coordinates of what it saw (what a server-side max_pixels below the client's does to pixel-space
    /// families). Null = the model sees the image as received.
    /// </summary>
    public double? ServerResizeFactor { get; set; }

    /// <summary>
    /// A serving mistake: answers are written in this dialect's grammar and coordinate space instead of the server's own
    /// (a model of another family behind the profile, e.g. Qwen2.5-VL pixels behind a Qwen3-VL grid profile). Null = its own.
    /// </summary>
    public string? ReplyDialect { get; set; }

    /// <summary>A serving mistake: the model writes y before x (Gemini style), on its own grid.</summary>
    public bool SwapAxes { get; set; }

    /// <summary>Context length in tokens; longer prompts get HTTP 400 (null = no limit).</summary>
    public int? MaxContextTokens { get; set; }
}
