using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace VisualAgent.Models.Client;

/// <summary>
/// The text a dialect parses from a response: the reply text, then each structured tool call rendered as a Hermes
/// &lt;tool_call&gt;{"name": ..., "arguments": ...}&lt;/tool_call&gt; block (vLLM's hermes parser turns those blocks into tool_calls; this undoes it).
/// </summary>
public static class ChatReplyText
{
    public static string Of(ChatResponse response)
    {
        var text = new StringBuilder(response.Text);
        foreach (var call in response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>())
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            var arguments = call.RawRepresentation as string ?? JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>());
            text.Append("<tool_call>\n{\"name\": ").Append(JsonSerializer.Serialize(call.Name))
                .Append(", \"arguments\": ").Append(string.IsNullOrWhiteSpace(arguments) ? "{}" : arguments).Append("}\n</tool_call>");
        }

        return text.ToString();
    }
}
