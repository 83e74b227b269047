using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace VisualAgent.Mcp.Tools;

/// <summary>
/// Checks a call's arguments against the tool's input schema before it runs (required names present, no unknown
/// names, JSON types as declared), so a wrong call gets a tool error that says what was wrong and what the tool takes,
/// instead of a generic failure. The server keeps running either way.
/// </summary>
internal static class ArgumentCheck
{
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Filter(McpServerPrimitiveCollection<McpServerTool> tools) =>
        next => async (request, cancellationToken) =>
        {
            if (request.Params is { } call && tools.TryGetPrimitive(call.Name, out var tool) && Problem(tool.ProtocolTool, call.Arguments) is { } problem)
            {
                return ToolResults.Error(problem);
            }

            return await next(request, cancellationToken).ConfigureAwait(false);
        };

    internal static string? Problem(Tool tool, IDictionary<string, JsonElement>? arguments)
    {
        var schema = tool.InputSchema;
        var properties = schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var names = properties.ValueKind == JsonValueKind.Object ? properties.EnumerateObject().Select(o => o.Name).ToList() : [];
        var takes = $"{tool.Name} takes: {(names.Count == 0 ? "no arguments" : string.Join(", ", names))}";
        arguments ??= new Dictionary<string, JsonElement>();
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!arguments.TryGetValue(name, out var given) || given.ValueKind == JsonValueKind.Null)
                {
                    return $"'{name}' is required but missing. {takes}.";
                }
            }
        }

        foreach (var (name, value) in arguments)
        {
            if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out var declared))
            {
                return $"'{name}' is not an argument of {tool.Name}. {takes}.";
            }

            if (declared.TryGetProperty("type", out var type) && !Matches(type, value))
            {
                return $"'{name}' must be {Describe(type)}, not {value.ValueKind.ToString().ToLowerInvariant()} ({Short(value)}). {takes}.";
            }
        }

        return null;
    }

    private static bool Matches(JsonElement type, JsonElement value) => type.ValueKind switch
    {
        JsonValueKind.String => Matches(type.GetString()!, value),
        JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && Matches(t.GetString()!, value)),
        _ => true,
    };

    private static bool Matches(string type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "null" => value.ValueKind == JsonValueKind.Null,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        _ => true,
    };

    private static string Describe(JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? string.Join(" or ", type.EnumerateArray().Select(t => t.GetString()).Where(t => t != "null"))
        : type.GetString() ?? "?";

    private static string Short(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 40 ? text[..39] + "…" : text;
    }
}
