using System.Text;
using LLama.Native;
using Microsoft.Extensions.AI;
using VisualAgent.Errors;

namespace VisualAgent.Models.LlamaSharp;

/// <summary>
/// A conversation rendered with the model's chat template: each image part becomes the multimodal marker at its place in
/// the message (the projector replaces the marker with the image's tokens), the images kept in order.
/// </summary>
internal sealed record LlamaPrompt(string Text, IReadOnlyList<ReadOnlyMemory<byte>> Images)
{
    public static LlamaPrompt Render(LlamaModel model, IEnumerable<ChatMessage> messages)
    {
        var marker = NativeApi.MtmdDefaultMarker() ?? "<__media__>";
        var template = model.NewTemplate();
        var images = new List<ReadOnlyMemory<byte>>();
        foreach (var message in messages)
        {
            var text = new StringBuilder();
            foreach (var content in message.Contents)
            {
                switch (content)
                {
                    case TextContent t:
                        text.Append(t.Text);
                        break;
                    case DataContent d when d.HasTopLevelMediaType("image"):
                        if (text.Length > 0 && text[^1] != '\n')
                        {
                            text.Append('\n');
                        }

                        text.Append(marker).Append('\n');
                        images.Add(d.Data);
                        break;
                    case UriContent u when u.HasTopLevelMediaType("image"):
                        throw new UsageException($"In-process model {model.Name}: an image given by URL ({u.Uri.Scheme}:) cannot be read; send the image bytes.");
                    default:
                        break; // tool calls and other parts: an in-process model reads text and images only
                }
            }

            template.Add(RoleOf(message.Role), text.ToString());
        }

        if (images.Count > 0 && !model.SupportsImages)
        {
            throw new UsageException(
                $"In-process model {model.Name} got {images.Count} image(s) but has no multimodal projector: set Models:{model.Name}:InProcess:MmprojPath to the model's mmproj-*.gguf.");
        }

        var bytes = template.Apply();
        return new LlamaPrompt(Encoding.UTF8.GetString(bytes), images);
    }

    private static string RoleOf(ChatRole role) =>
        role == ChatRole.System ? "system"
        : role == ChatRole.Assistant ? "assistant"
        : role == ChatRole.Tool ? "tool"
        : "user";
}
