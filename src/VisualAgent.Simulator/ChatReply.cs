using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VisualAgent.Simulator;

/// <summary>One reply: its text, any structured tool calls split out of it, and the token counts reported.</summary>
internal sealed partial record ChatReply(string Content, JsonArray? ToolCalls, int PromptTokens, int CompletionTokens)
{
    public string FinishReason => ToolCalls is { Count: > 0 } ? "tool_calls" : "stop";

    /// <summary>Splits &lt;tool_call&gt;{...}&lt;/tool_call&gt; blocks into structured tool_calls, as vLLM's hermes parser does.</summary>
    public static ChatReply Create(string text, bool structured, int promptTokens)
    {
        var completion = Math.Max(1, (text.Length + 3) / 4);
        if (!structured)
        {
            return new ChatReply(text, null, promptTokens, completion);
        }

        var calls = new JsonArray();
        foreach (Match m in ToolCallBlock().Matches(text))
        {
            try
            {
                var call = JsonNode.Parse(m.Groups[1].Value)!.AsObject();
                calls.Add(new JsonObject
                {
                    ["id"] = $"call_sim_{calls.Count}",
                    ["type"] = "function",
                    ["function"] = new JsonObject
                    {
                        ["name"] = call["name"]?.GetValue<string>() ?? "",
                        ["arguments"] = call["arguments"]?.ToJsonString() ?? "{}",
                    },
                });
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                return new ChatReply(text, null, promptTokens, completion);
            }
        }

        return calls.Count == 0
            ? new ChatReply(text, null, promptTokens, completion)
            : new ChatReply(ToolCallBlock().Replace(text, "").Trim(), calls, promptTokens, completion);
    }

    [GeneratedRegex(@"<tool_call>\s*(\{.*?\})\s*</tool_call>", RegexOptions.Singleline)]
    private static partial Regex ToolCallBlock();
}
