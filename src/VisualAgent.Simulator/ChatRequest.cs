using System.Text.Json;
using System.Text.Json.Nodes;
using VisualAgent.Geometry;

namespace VisualAgent.Simulator;

/// <summary>A chat-completions request as the simulator reads it.</summary>
internal sealed record ChatRequest(SimulatedRequest Record, bool IncludeUsage, bool HasTools, int TextChars)
{
    public static ChatRequest Parse(JsonElement body, string? authorization, string? accept = null)
    {
        var userTexts = new List<string>();
        var images = new List<PixelSize>();
        var roles = new List<string>();
        string? system = null;
        var chars = 0;
        if (body.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            foreach (var m in messages.EnumerateArray())
            {
                var role = m.TryGetProperty("role", out var r) ? r.GetString() ?? "" : "";
                roles.Add(role);
                var text = ReadContent(m, images);
                chars += text.Length;
                if (role == "user")
                {
                    userTexts.Add(text);
                }
                else if (role == "system")
                {
                    system = text;
                }
            }
        }

        var fields = new JsonObject();
        foreach (var p in body.EnumerateObject().Where(p => p.Name != "messages"))
        {
            fields[p.Name] = JsonNode.Parse(p.Value.GetRawText());
        }

        var record = new SimulatedRequest
        {
            Model = body.TryGetProperty("model", out var model) ? model.GetString() ?? "" : "",
            Stream = body.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True,
            UserTexts = userTexts,
            SystemText = system,
            ImageSizes = images,
            Roles = roles,
            Fields = fields,
            Authorization = authorization,
            Accept = accept,
        };
        var includeUsage = body.TryGetProperty("stream_options", out var so) && so.ValueKind == JsonValueKind.Object
            && so.TryGetProperty("include_usage", out var iu) && iu.ValueKind == JsonValueKind.True;
        var hasTools = body.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array && tools.GetArrayLength() > 0;
        return new ChatRequest(record, includeUsage, hasTools, chars);
    }

    private static string ReadContent(JsonElement message, List<PixelSize> images)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return "";
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString() ?? "";
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return "";
        }

        var texts = new List<string>();
        foreach (var part in content.EnumerateArray())
        {
            var type = part.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "text" && part.TryGetProperty("text", out var text))
            {
                texts.Add(text.GetString() ?? "");
            }
            else if (type == "image_url" && part.TryGetProperty("image_url", out var iu) && iu.TryGetProperty("url", out var url)
                && ImageHeader.FromDataUrl(url.GetString() ?? "") is { } size)
            {
                images.Add(size);
            }
        }

        return string.Join("\n", texts);
    }
}
