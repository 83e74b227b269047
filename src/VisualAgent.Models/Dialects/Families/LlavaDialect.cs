using System.Globalization;
using VisualAgent.Actions;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects.Parsing;
using VisualAgent.Models.Imaging;

namespace VisualAgent.Models.Dialects.Families;

/// <summary>
/// LLaVA-1.5 family: boxes as normalised floats [x1, y1, x2, y2] in plain text. With the default image_aspect_ratio
/// "pad" the image is padded to a square (expand2square) and boxes are relative to that square; ReplyContext.PadToSquare
/// switches to the original image instead.
/// </summary>
internal sealed class LlavaDialect(PromptLibrary? prompts = null) : DialectBase(prompts)
{
    public override string Id => "llava";

    public override DialectAbilities Abilities => DialectAbilities.Ground | DialectAbilities.Describe | DialectAbilities.Answer;

    /// <summary>The server pads and resizes to 336x336; sending more than 672x672 pixels only costs bandwidth.</summary>
    public override ImageBudget DefaultBudget { get; } = new(1, 1, 672 * 672);

    protected override string Expected => "a box of normalised floats such as [0.12, 0.34, 0.56, 0.78]";

    public override PixelSize SizeToSend(PixelSize original, ImageBudget? budget = null) =>
        SmartResize.Fit(original, (budget ?? DefaultBudget).MaxPixels);

    protected override ParsedReply ParseCore(string text, string? thinking, ReplyContext context)
    {
        var factory = new ActionFactory(ModelSpace.Normalized(context, context.PadToSquare));
        var actions = LooseJsonReader.FindAll(text)
            .OfType<LooseArray>()
            .Where(a => a.Complete && a.Items.Count is 2 or 4 && a.Items.All(i => i is LooseNumber))
            .Select(a => ActionFactory.Click(factory.Locate(Numbers.From(a), "The box")))
            .ToList();
        if (actions.Count > 0)
        {
            return new ParsedReply { Action = ActionFactory.Chain(actions, thinking), Thought = thinking };
        }

        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('[') && trimmed.Any(char.IsAsciiDigit))
        {
            throw new ReplyFormatException("It starts with a list, but no complete list of 2 or 4 numbers could be read.");
        }

        return ProseOrFail(text, thinking);
    }

    protected override string FormatCore(ParsedReply answer, ReplyContext context)
    {
        if (answer.Action is null)
        {
            return answer.Text ?? "";
        }

        var space = ModelSpace.Normalized(context, context.PadToSquare);
        return string.Join("\n", ActionFactory.Flatten(answer.Action).Select(a => a switch
        {
            ClickAction { BoxValue: { } box } => List(space, box),
            ClickAction c => List(space, new ScreenPoint(c.X, c.Y)),
            _ => throw new AbilityNotSupportedException(Id, ModelTaskKind.NextAction),
        }));
    }

    private static string List(ModelSpace space, ScreenBox box)
    {
        var (x1, y1) = space.FromScreen(new(box.X1, box.Y1));
        var (x2, y2) = space.FromScreen(new(box.X2, box.Y2));
        return string.Create(CultureInfo.InvariantCulture, $"[{x1:0.000}, {y1:0.000}, {x2:0.000}, {y2:0.000}]");
    }

    private static string List(ModelSpace space, ScreenPoint point)
    {
        var (x, y) = space.FromScreen(point);
        return string.Create(CultureInfo.InvariantCulture, $"[{x:0.000}, {y:0.000}]");
    }
}
