using System.Globalization;
using VisualAgent.Actions;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects.Parsing;
using VisualAgent.Models.Imaging;

namespace VisualAgent.Models.Dialects.Families;

/// <summary>
/// GPT-4o class models: JSON actions in pixels of the image as sent, its size stated in the prompt. The image is resized
/// client-side to what the provider would keep (fit 2048x2048, shortest side at most 768) so the sent size is known.
/// </summary>
internal sealed class GenericJsonDialect(PromptLibrary? prompts = null) : DialectBase(prompts)
{
    /// <summary>OpenAI's high-detail limits: the image fits 2048x2048, then its shortest side is at most 768.</summary>
    public const int MaxLongSide = 2048;

    public const int MaxShortSide = 768;

    private static readonly string[] Markers = ["\"action\"", "'action'", "\"x\"", "```json"];

    public override string Id => "generic-json";

    public override DialectAbilities Abilities =>
        DialectAbilities.Ground | DialectAbilities.NextAction | DialectAbilities.Describe | DialectAbilities.Answer | DialectAbilities.MultiImage;

    public override ImageBudget DefaultBudget { get; } = new(1, 1, MaxLongSide * MaxShortSide);

    protected override string Expected =>
        "JSON such as {\"action\": \"click\", \"x\": 100, \"y\": 200} in pixels of the image sent (the contract's action shape)";

    public override PixelSize SizeToSend(PixelSize original, ImageBudget? budget = null) =>
        SmartResize.Fit(original, (budget ?? DefaultBudget).MaxPixels, MaxLongSide, MaxShortSide);

    protected override ParsedReply ParseCore(string text, string? thinking, ReplyContext context)
    {
        var (thought, rest) = ReplyText.SplitThoughtAction(text);
        var nodes = LooseJsonReader.FindAll(ReplyText.StripFences(rest));
        var reader = new GenericActionReader(new ActionFactory(ModelSpace.SentPixels(context)), context);
        var actions = reader.Read(nodes);
        var allThought = Join(Join(thinking, thought), reader.Thought);
        if (actions.Count == 0)
        {
            return ProseOrFail(text, thinking, Markers);
        }

        var chainThought = allThought.Length > 0 ? allThought : null;
        return new ParsedReply { Action = ActionFactory.Chain(actions, chainThought), Thought = chainThought };
    }

    protected override string FormatCore(ParsedReply answer, ReplyContext context)
    {
        if (answer.Action is null)
        {
            return answer.Text ?? "";
        }

        var space = ModelSpace.SentPixels(context);
        return ContractJson.Serialize(ToSent(answer.Action, space) with { Thought = answer.Thought ?? answer.Action.Thought });
    }

    /// <summary>The action with its coordinates in whole pixels of the image sent (as a model writes them).</summary>
    private static AgentAction ToSent(AgentAction action, ModelSpace space)
    {
        (double X, double Y) P(double x, double y)
        {
            var (mx, my) = space.FromScreen(new ScreenPoint(x, y));
            return (Math.Round(mx), Math.Round(my));
        }

        AgentAction mapped = action switch
        {
            ClickAction c => c with { X = P(c.X, c.Y).X, Y = P(c.X, c.Y).Y },
            MoveAction m => m with { X = P(m.X, m.Y).X, Y = P(m.X, m.Y).Y },
            DragAction d => d with { X = P(d.X, d.Y).X, Y = P(d.X, d.Y).Y, X2 = P(d.X2, d.Y2).X, Y2 = P(d.X2, d.Y2).Y },
            LongPressAction l => l with { X = P(l.X, l.Y).X, Y = P(l.X, l.Y).Y },
            SelectAction s => s with { X = P(s.X, s.Y).X, Y = P(s.X, s.Y).Y },
            ScrollAction { Target: { } t } s => s with { X = P(t.X, t.Y).X, Y = P(t.X, t.Y).Y },
            _ => action,
        };
        var box = action.BoxValue is { } b ? new[] { P(b.X1, b.Y1).X, P(b.X1, b.Y1).Y, P(b.X2, b.Y2).X, P(b.X2, b.Y2).Y } : null;
        var then = action.Then?.Select(a => ToSent(a, space)).ToArray();
        return mapped with { Box = box, Clamped = false, Then = then };
    }

    protected override Dictionary<string, string> Values(ModelTask task, ReplyContext context)
    {
        var values = base.Values(task, context);
        values["max_x"] = (int.Parse(values["width"], CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture);
        values["max_y"] = (int.Parse(values["height"], CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture);
        return values;
    }
}
