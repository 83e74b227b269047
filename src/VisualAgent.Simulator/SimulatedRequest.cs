using System.Text.Json.Nodes;
using VisualAgent.Geometry;

namespace VisualAgent.Simulator;

/// <summary>What the simulated server received in one chat-completions request (image bytes are not kept).</summary>
public sealed record SimulatedRequest
{
    public required string Model { get; init; }

    public required bool Stream { get; init; }

    /// <summary>Text of the user messages, oldest first.</summary>
    public required IReadOnlyList<string> UserTexts { get; init; }

    public string? SystemText { get; init; }

    /// <summary>Decoded sizes of every image in the request, in message order.</summary>
    public required IReadOnlyList<PixelSize> ImageSizes { get; init; }

    /// <summary>Messages in the request, by role ("system", "user", "assistant", "tool").</summary>
    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>The request body's top-level fields other than messages (sampling, extra fields, tools).</summary>
    public required JsonObject Fields { get; init; }

    /// <summary>The Authorization header as received (tests check the bearer key arrives).</summary>
    public string? Authorization { get; init; }

    /// <summary>The Accept header as received.</summary>
    public string? Accept { get; init; }

    /// <summary>The HTTP status the simulator answered with.</summary>
    public int Status { get; set; } = 200;

    /// <summary>Body bytes a <see cref="SimulatedFaultKind.HugeReply"/> got written before the client stopped reading.</summary>
    public long BytesWritten { get; set; }
}
