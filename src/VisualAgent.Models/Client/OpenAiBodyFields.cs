using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace VisualAgent.Models.Client;

/// <summary>
/// The sampling fields a profile sets that Microsoft.Extensions.AI's OpenAI adapter does not send (top_k, and every
/// AdditionalProperties entry: repetition_penalty and Sampling.Extra for vLLM/llama-server), written into the request
/// body through <see cref="ChatOptions.RawRepresentationFactory"/>: the adapter starts from the
/// <see cref="ChatCompletionOptions"/> it returns and only fills what is unset, so the body patch arrives as is.
/// </summary>
internal static class OpenAiBodyFields
{
    /// <summary>A copy of <paramref name="options"/> whose raw representation carries the extra body fields; the options
    /// themselves when there are none (or when the caller already supplied a raw representation).</summary>
    public static ChatOptions? Apply(ChatOptions? options)
    {
        if (options is null || options.RawRepresentationFactory is not null || (options.TopK is null && options.AdditionalProperties is not { Count: > 0 }))
        {
            return options;
        }

        var topK = options.TopK;
        var extra = options.AdditionalProperties?.ToArray() ?? [];
        var copy = options.Clone();
        copy.RawRepresentationFactory = _ => Create(topK, extra);
        return copy;
    }

    // SCME0001 marks JsonPatch as evaluation-only; it is the SDK's documented way to add body fields it does not model.
#pragma warning disable SCME0001
    private static ChatCompletionOptions Create(int? topK, KeyValuePair<string, object?>[] extra)
    {
        var o = new ChatCompletionOptions();
        if (topK is { } k)
        {
            o.Patch.Set("$.top_k"u8, k);
        }

        foreach (var (key, value) in extra)
        {
            o.Patch.Set(Encoding.UTF8.GetBytes("$." + key), BinaryData.FromString(ToJson(value)));
        }

        return o;
    }
#pragma warning restore SCME0001

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
