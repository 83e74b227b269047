using System.Globalization;
using VisualAgent.Actions;
using VisualAgent.Models.Dialects.Parsing;

namespace VisualAgent.Models.Dialects.Families;

/// <summary>
/// Qwen2-VL and UI-TARS v1: a relative 0..1000 grid. Grounding as
/// &lt;|object_ref_start|&gt;label&lt;|object_ref_end|&gt;&lt;|box_start|&gt;(x1,y1),(x2,y2)&lt;|box_end|&gt;, actions in the
/// UI-TARS "Action: click(start_box='(x,y)')" grammar.
/// </summary>
internal sealed class Qwen2VlDialect(PromptLibrary? prompts = null) : DialectBase(prompts)
{
    /// <summary>Qwen2-VL's grid is fixed at 0..1000 (the Divisor setting is Qwen3-VL's).</summary>
    public const double GridSize = 1000;

    private static readonly string[] Markers = ["<|box_start|>", "Action:", "start_box"];

    public override string Id => "qwen2-vl";

    public override DialectAbilities Abilities =>
        DialectAbilities.Ground | DialectAbilities.NextAction | DialectAbilities.Describe | DialectAbilities.Answer | DialectAbilities.MultiImage;

    public override ImageBudget DefaultBudget { get; } = new(28, 3_136, 12_845_056);

    protected override string Expected =>
        "<|box_start|>(x1,y1),(x2,y2)<|box_end|> on a 0-1000 grid, or \"Action: click(start_box='(x,y)')\"";

    protected override ParsedReply ParseCore(string text, string? thinking, ReplyContext context)
    {
        var space = ModelSpace.Grid(context, GridSize);
        if (UiTarsReplyReader.Read(text, thinking, space) is { } acted)
        {
            return acted;
        }

        var factory = new ActionFactory(space);
        var actions = CoordinateGroups.Find(text).Select(g => ActionFactory.Click(factory.Locate(g, "The box"))).ToList();
        return actions.Count > 0
            ? new ParsedReply { Action = ActionFactory.Chain(actions, thinking), Thought = thinking }
            : ProseOrFail(text, thinking, Markers);
    }

    protected override string FormatCore(ParsedReply answer, ReplyContext context)
    {
        var space = ModelSpace.Grid(context, GridSize);
        var actions = ActionFactory.Flatten(answer.Action);
        var grounding = answer.Task is ModelTaskKind.Ground
            || (answer.Task is null && actions.Count == 1 && actions[0] is ClickAction { Box: not null, Count: 1, Button: MouseButton.Left });
        if (!grounding || !actions.All(a => a is ClickAction))
        {
            return UiTarsReplyWriter.Write(answer, space);
        }

        return string.Concat(actions.Cast<ClickAction>().Select(c =>
        {
            var box = c.BoxValue ?? new(c.X, c.Y, c.X, c.Y);
            var (x1, y1) = space.FromScreen(new(box.X1, box.Y1));
            var (x2, y2) = space.FromScreen(new(box.X2, box.Y2));
            return string.Create(
                CultureInfo.InvariantCulture,
                $"<|object_ref_start|>target<|object_ref_end|><|box_start|>({R(x1)},{R(y1)}),({R(x2)},{R(y2)})<|box_end|>");
        }));
    }

    private static long R(double v) => (long)Math.Round(v, MidpointRounding.AwayFromZero);
}
