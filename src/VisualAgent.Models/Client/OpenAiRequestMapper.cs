using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using OpenAiChatMessage = OpenAI.Chat.ChatMessage;

namespace VisualAgent.Models.Client;

/// <summary>Maps Microsoft.Extensions.AI messages and options onto the OpenAI SDK's request types.</summary>
internal static class OpenAiRequestMapper
{
    public static List<OpenAiChatMessage> ToMessages(IEnumerable<AiChatMessage> messages)
    {
        var result = new List<OpenAiChatMessage>();
        foreach (var m in messages)
        {
            if (m.Role == ChatRole.System)
            {
                result.Add(new SystemChatMessage(m.Text));
            }
            else if (m.Role == ChatRole.Assistant)
            {
                result.Add(ToAssistant(m));
            }
            else if (m.Role == ChatRole.Tool)
            {
                foreach (var r in m.Contents.OfType<FunctionResultContent>())
                {
                    result.Add(new ToolChatMessage(r.CallId, r.Result as string ?? JsonSerializer.Serialize(r.Result)));
                }
            }
            else
            {
                result.Add(new UserChatMessage(ToParts(m.Contents)));
            }
        }

        return result;
    }

    private static AssistantChatMessage ToAssistant(AiChatMessage m)
    {
        var calls = m.Contents.OfType<FunctionCallContent>()
            .Select(c => ChatToolCall.CreateFunctionToolCall(c.CallId, c.Name, BinaryData.FromString(JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>()))))
            .ToList();
        if (calls.Count == 0)
        {
            return new AssistantChatMessage(m.Text);
        }

        var message = new AssistantChatMessage(calls);
        if (m.Text.Length > 0)
        {
            message.Content.Add(ChatMessageContentPart.CreateTextPart(m.Text));
        }

        return message;
    }

    private static List<ChatMessageContentPart> ToParts(IEnumerable<AIContent> contents)
    {
        var parts = new List<ChatMessageContentPart>();
        foreach (var c in contents)
        {
            switch (c)
            {
                case TextContent t:
                    parts.Add(ChatMessageContentPart.CreateTextPart(t.Text));
                    break;
                case DataContent d when d.HasTopLevelMediaType("image"):
                    parts.Add(ChatMessageContentPart.CreateImagePart(BinaryData.FromBytes(d.Data), d.MediaType));
                    break;
                case UriContent u when u.HasTopLevelMediaType("image"):
                    parts.Add(ChatMessageContentPart.CreateImagePart(u.Uri));
                    break;
                default:
                    throw new NotSupportedException($"A message part of type {c.GetType().Name} cannot be sent to an OpenAI-compatible chat server.");
            }
        }

        return parts;
    }

    // SCME0001 marks JsonPatch as evaluation-only; it is the SDK's documented way to add body fields it does not model
    // (top_k, repetition_penalty and Sampling.Extra for vLLM/llama-server), and OPENAI001 marks Seed the same way.
#pragma warning disable SCME0001, OPENAI001
    public static ChatCompletionOptions ToOptions(ChatOptions? options)
    {
        var o = new ChatCompletionOptions();
        if (options is null)
        {
            return o;
        }

        o.Temperature = options.Temperature;
        o.TopP = options.TopP;
        o.MaxOutputTokenCount = options.MaxOutputTokens;
        o.PresencePenalty = options.PresencePenalty;
        o.FrequencyPenalty = options.FrequencyPenalty;
        o.Seed = options.Seed;
        foreach (var s in options.StopSequences ?? [])
        {
            o.StopSequences.Add(s);
        }

        foreach (var tool in options.Tools?.OfType<AIFunctionDeclaration>() ?? [])
        {
            o.Tools.Add(ChatTool.CreateFunctionTool(tool.Name, tool.Description, BinaryData.FromString(tool.JsonSchema.GetRawText())));
        }

        if (options.TopK is { } topK)
        {
            o.Patch.Set("$.top_k"u8, topK);
        }

        foreach (var (key, value) in options.AdditionalProperties ?? [])
        {
            o.Patch.Set(Encoding.UTF8.GetBytes("$." + key), BinaryData.FromString(ToJson(value)));
        }

        return o;
    }
#pragma warning restore SCME0001, OPENAI001

    /// <summary>A value as JSON: strings that already read as JSON (numbers, true/false, objects, arrays) pass through.</summary>
    internal static string ToJson(object? value)
    {
        if (value is string s)
        {
            var trimmed = s.Trim();
            if (trimmed.Length > 0 && trimmed != "null" && !trimmed.StartsWith('"'))
            {
                try
                {
                    using var doc = JsonDocument.Parse(trimmed);
                    return doc.RootElement.GetRawText();
                }
                catch (JsonException)
                {
                }
            }

            return JsonSerializer.Serialize(s);
        }

        return value is JsonElement e ? e.GetRawText() : JsonSerializer.Serialize(value);
    }
}
