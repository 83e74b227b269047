using System.Text;
using Microsoft.Extensions.AI;

namespace VisualAgent.Models.Client;

/// <summary>Collects streamed updates into one <see cref="ChatResponse"/>, keeping usage and the client's timing properties.</summary>
public static class StreamedResponse
{
    public static async Task<ChatResponse> CollectAsync(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        var text = new StringBuilder();
        var contents = new List<AIContent>();
        var response = new ChatResponse { AdditionalProperties = [] };
        await foreach (var u in updates.ConfigureAwait(false))
        {
            foreach (var c in u.Contents)
            {
                switch (c)
                {
                    case TextContent t:
                        text.Append(t.Text);
                        break;
                    case UsageContent usage:
                        response.Usage = usage.Details;
                        break;
                    default:
                        contents.Add(c);
                        break;
                }
            }

            response.ModelId ??= u.ModelId;
            response.ResponseId ??= u.ResponseId;
            response.FinishReason = u.FinishReason ?? response.FinishReason;
            foreach (var (key, value) in u.AdditionalProperties ?? [])
            {
                response.AdditionalProperties[key] = value;
            }
        }

        if (text.Length > 0)
        {
            contents.Insert(0, new TextContent(text.ToString()));
        }

        response.Messages = [new ChatMessage(ChatRole.Assistant, contents)];
        return response;
    }
}
