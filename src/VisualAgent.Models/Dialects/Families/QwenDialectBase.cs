using VisualAgent.Models.Dialects.Parsing;

namespace VisualAgent.Models.Dialects.Families;

/// <summary>The Qwen-VL grammar (tool calls and grounding JSON) over a family-specific coordinate space.</summary>
internal abstract class QwenDialectBase(PromptLibrary? prompts) : DialectBase(prompts)
{
    protected override string Expected =>
        "a <tool_call>{\"name\": \"computer_use\", \"arguments\": {\"action\": ..., \"coordinate\": [x, y]}}</tool_call> block, "
        + "or grounding JSON such as [{\"bbox_2d\": [x1, y1, x2, y2], \"label\": ...}] or {\"point_2d\": [x, y]}";

    /// <summary>The space the family writes numbers in, for this request.</summary>
    protected abstract ModelSpace Space(ReplyContext context);

    protected override ParsedReply ParseCore(string text, string? thinking, ReplyContext context)
    {
        var (actions, spots, thought) = QwenReplyReader.Read(text, thinking, Space(context), context);
        if (actions.Count == 0 && spots.Count == 0)
        {
            return ProseOrFail(text, thinking, [.. QwenReplyReader.StructuredMarkers]);
        }

        return new ParsedReply
        {
            Action = ActionFactory.Chain(actions, thought),
            Spots = spots.Count > 0 ? spots : null,
            Thought = thought,
        };
    }

    protected override string FormatCore(ParsedReply answer, ReplyContext context) =>
        QwenReplyWriter.Write(answer, Space(context));
}
