using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol.Protocol;

namespace VisualAgent.Mcp;

/// <summary>Tool results as MCP content: one JSON text block (snake_case) and, for images, an image block.</summary>
internal static class ToolResults
{
    public static JsonSerializerOptions Json { get; } = new(Actions.ActionJson.Options)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static CallToolResult Ok(object value, ReadOnlyMemory<byte>? png = null)
    {
        var content = new List<ContentBlock> { new TextContentBlock { Text = JsonSerializer.Serialize(value, Json) } };
        if (png is { } image)
        {
            content.Add(ImageContentBlock.FromBytes(image, "image/png"));
        }

        return new CallToolResult { Content = content };
    }

    /// <summary>A failed call the client sees as a tool error (isError): what was wrong and what to do. The server keeps running.</summary>
    public static CallToolResult Error(string message) =>
        new() { IsError = true, Content = [new TextContentBlock { Text = "error: " + Errors.UrlRedaction.Redact(message) }] };
}
