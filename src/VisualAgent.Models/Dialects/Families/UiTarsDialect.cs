using VisualAgent.Models.Dialects.Parsing;

namespace VisualAgent.Models.Dialects.Families;

/// <summary>
/// UI-TARS-1.5: "Thought: ...\nAction: click(start_box='(x,y)')" in absolute pixels of the smart-resized image
/// (factor 28, min 100*28*28, max 16384*28*28 pixels).
/// </summary>
internal sealed class UiTarsDialect(PromptLibrary? prompts = null) : DialectBase(prompts)
{
    private static readonly string[] Markers = ["Action:", "start_box", "<point>", "<|box_start|>", "finished("];

    public override string Id => "ui-tars";

    public override DialectAbilities Abilities => DialectAbilities.Ground | DialectAbilities.NextAction;

    public override ImageBudget DefaultBudget { get; } = new(28, 78_400, 12_845_056);

    protected override string Expected =>
        "\"Thought: ...\\nAction: click(start_box='(x,y)')\" (or point='<point>x y</point>'), one of click, left_double, "
        + "right_single, drag, hotkey, type, scroll, wait, finished";

    protected override ParsedReply ParseCore(string text, string? thinking, ReplyContext context)
    {
        var space = ModelSpace.SentPixels(context);
        if (UiTarsReplyReader.Read(text, thinking, space) is { } acted)
        {
            return acted;
        }

        // Grounding replies are often just "(x,y)" or "<point>x y</point>".
        var factory = new ActionFactory(space);
        var points = CoordinateGroups.Find(text.Replace("<point>", "(", StringComparison.Ordinal).Replace("</point>", ")", StringComparison.Ordinal));
        return points.Count > 0
            ? new ParsedReply { Action = ActionFactory.Chain([.. points.Select(p => ActionFactory.Click(factory.Locate(p, "The point")))], thinking), Thought = thinking }
            : ProseOrFail(text, thinking, Markers);
    }

    protected override string FormatCore(ParsedReply answer, ReplyContext context) =>
        UiTarsReplyWriter.Write(answer, ModelSpace.SentPixels(context));
}
