using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace VisualAgent.Simulator;

/// <summary>Writes OpenAI chat-completions responses: one JSON body, or server-sent events ending in [DONE].</summary>
internal sealed class ChatResponseWriter(string id, string model, long created)
{
    public const string Fingerprint = "visual-agent-simulator";

    public async Task WriteJsonAsync(HttpResponse response, ChatReply reply, bool truncate, CancellationToken cancellationToken)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content };
        if (reply.ToolCalls is not null)
        {
            message["tool_calls"] = reply.ToolCalls.DeepClone();
        }

        var body = Envelope("chat.completion");
        body["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = reply.FinishReason });
        body["usage"] = Usage(reply);
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        response.ContentType = "application/json";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes.AsMemory(0, truncate ? bytes.Length / 2 : bytes.Length), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Streams the reply; with <paramref name="truncate"/> stops after the first content chunk and returns false.</summary>
    public async Task<bool> WriteSseAsync(HttpResponse response, ChatReply reply, bool includeUsage, int chunkSize, bool truncate, CancellationToken cancellationToken)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        await SendAsync(response, Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < reply.Content.Length; i += chunkSize)
        {
            var piece = reply.Content.Substring(i, Math.Min(chunkSize, reply.Content.Length - i));
            await SendAsync(response, Chunk(new JsonObject { ["content"] = piece }, null), cancellationToken).ConfigureAwait(false);
            if (truncate)
            {
                return false;
            }
        }

        if (reply.ToolCalls is not null)
        {
            var calls = (JsonArray)reply.ToolCalls.DeepClone();
            for (var i = 0; i < calls.Count; i++)
            {
                calls[i]!["index"] = i;
            }

            await SendAsync(response, Chunk(new JsonObject { ["tool_calls"] = calls }, null), cancellationToken).ConfigureAwait(false);
        }

        await SendAsync(response, Chunk(new JsonObject(), reply.FinishReason), cancellationToken).ConfigureAwait(false);
        if (includeUsage)
        {
            var last = Envelope("chat.completion.chunk");
            last["choices"] = new JsonArray();
            last["usage"] = Usage(reply);
            await SendAsync(response, last.ToJsonString(), cancellationToken).ConfigureAwait(false);
        }

        await SendAsync(response, "[DONE]", cancellationToken).ConfigureAwait(false);
        return true;
    }

    private string Chunk(JsonObject delta, string? finish)
    {
        var chunk = Envelope("chat.completion.chunk");
        chunk["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish });
        return chunk.ToJsonString();
    }

    private JsonObject Envelope(string kind) => new()
    {
        ["id"] = id,
        ["object"] = kind,
        ["created"] = created,
        ["model"] = model,
        ["system_fingerprint"] = Fingerprint,
    };

    private static JsonObject Usage(ChatReply reply) => new()
    {
        ["prompt_tokens"] = reply.PromptTokens,
        ["completion_tokens"] = reply.CompletionTokens,
        ["total_tokens"] = reply.PromptTokens + reply.CompletionTokens,
    };

    private static async Task SendAsync(HttpResponse response, string data, CancellationToken cancellationToken)
    {
        await response.WriteAsync($"data: {data}\n\n", cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteErrorAsync(HttpResponse response, int status, string type, string message, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        var body = new JsonObject
        {
            ["object"] = "error",
            ["message"] = message,
            ["type"] = type,
            ["param"] = null,
            ["code"] = status,
        };
        await response.WriteAsync(body.ToJsonString(), cancellationToken).ConfigureAwait(false);
    }
}
