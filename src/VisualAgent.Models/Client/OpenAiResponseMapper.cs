using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AiFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using OpenAiFinishReason = OpenAI.Chat.ChatFinishReason;

namespace VisualAgent.Models.Client;

/// <summary>Maps the OpenAI SDK's replies onto Microsoft.Extensions.AI types.</summary>
internal static class OpenAiResponseMapper
{
    public static ChatResponse ToResponse(ChatCompletion c)
    {
        var contents = new List<AIContent>();
        foreach (var part in c.Content)
        {
            if (!string.IsNullOrEmpty(part.Text))
            {
                contents.Add(new TextContent(part.Text));
            }
        }

        foreach (var call in c.ToolCalls)
        {
            contents.Add(ToFunctionCall(call.Id, call.FunctionName, call.FunctionArguments?.ToString()));
        }

        return new ChatResponse(new Microsoft.Extensions.AI.ChatMessage(ChatRole.Assistant, contents))
        {
            ResponseId = c.Id,
            ModelId = c.Model,
            CreatedAt = c.CreatedAt,
            FinishReason = ToFinishReason(c.FinishReason),
            Usage = ToUsage(c.Usage),
            AdditionalProperties = [],
        };
    }

    public static FunctionCallContent ToFunctionCall(string? id, string? name, string? argumentsJson)
    {
        Dictionary<string, object?>? args = null;
        Exception? error = null;
        if (!string.IsNullOrWhiteSpace(argumentsJson))
        {
            try
            {
                args = JsonSerializer.Deserialize<Dictionary<string, object?>>(argumentsJson);
            }
            catch (JsonException ex)
            {
                error = ex;
            }
        }

        return new FunctionCallContent(id ?? "", name ?? "", args) { Exception = error, RawRepresentation = argumentsJson };
    }

    public static AiFinishReason? ToFinishReason(OpenAiFinishReason? reason) => reason switch
    {
        OpenAiFinishReason.Stop => AiFinishReason.Stop,
        OpenAiFinishReason.Length => AiFinishReason.Length,
        OpenAiFinishReason.ContentFilter => AiFinishReason.ContentFilter,
        OpenAiFinishReason.ToolCalls or OpenAiFinishReason.FunctionCall => AiFinishReason.ToolCalls,
        _ => null,
    };

    public static UsageDetails? ToUsage(ChatTokenUsage? usage) => usage is null
        ? null
        : new UsageDetails
        {
            InputTokenCount = usage.InputTokenCount,
            OutputTokenCount = usage.OutputTokenCount,
            TotalTokenCount = usage.TotalTokenCount,
        };
}
