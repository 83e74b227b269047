using System.Globalization;
using VisualAgent.Actions;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects.Parsing;
using VisualAgent.Models.Imaging;

namespace VisualAgent.Models.Dialects.Families;

/// <summary>
/// MiniGPT-v2: the LLaMA-2 chat template "[INST] &lt;Img&gt;&lt;ImageHere&gt;&lt;/Img&gt; [task] instruction [/INST]"
/// with task identifiers ([grounding], [refer], [vqa], [caption], ...); boxes written {&lt;x1&gt;&lt;y1&gt;&lt;x2&gt;&lt;y2&gt;}
/// as integers on a 0..100 grid of the image.
/// </summary>
internal sealed class MiniGptV2Dialect(PromptLibrary? prompts = null) : DialectBase(prompts)
{
    public const double GridSize = 100;

    public override string Id => "minigpt-v2";

    public override DialectAbilities Abilities => DialectAbilities.Ground | DialectAbilities.Describe | DialectAbilities.Answer;

    /// <summary>The model sees 448x448; more than 896x896 pixels only costs bandwidth.</summary>
    public override ImageBudget DefaultBudget { get; } = new(1, 1, 896 * 896);

    protected override string Expected => "a box such as <p>label</p> {<12><34><56><78>} on a 0-100 grid";

    public override PixelSize SizeToSend(PixelSize original, ImageBudget? budget = null) =>
        SmartResize.Fit(original, (budget ?? DefaultBudget).MaxPixels);

    /// <summary>The LLaMA-2 template carries everything in the user turn; MiniGPT-v2 was not trained with a system prompt.</summary>
    protected override string? SystemTemplateOf(ModelTaskKind kind) => null;

    protected override ParsedReply ParseCore(string text, string? thinking, ReplyContext context)
    {
        var factory = new ActionFactory(ModelSpace.Grid(context, GridSize));
        var actions = new List<AgentAction>();
        var pos = text.IndexOf('{', StringComparison.Ordinal);
        while (pos >= 0 && actions.Count < 16)
        {
            var window = text.AsSpan(pos + 1, Math.Min(64, text.Length - pos - 1));
            var rel = window.IndexOf('}');
            if (rel >= 0)
            {
                var inner = text.Substring(pos + 1, rel);
                var numbers = Numbers.InText(inner, max: 8);
                if (numbers.Count == 4 && inner.Contains('<', StringComparison.Ordinal))
                {
                    actions.Add(ActionFactory.Click(factory.Locate([.. numbers], "The box")));
                }
            }

            pos = text.IndexOf('{', pos + 1);
        }

        if (actions.Count > 0)
        {
            return new ParsedReply { Action = ActionFactory.Chain(actions, thinking), Thought = thinking, Text = Label(text) };
        }

        return ProseOrFail(text, thinking, "{<");
    }

    protected override string FormatCore(ParsedReply answer, ReplyContext context)
    {
        if (answer.Action is null)
        {
            return answer.Text ?? "";
        }

        var space = ModelSpace.Grid(context, GridSize);
        return string.Join("<delim>", ActionFactory.Flatten(answer.Action).Select(a => a switch
        {
            ClickAction c => Box(space, c.BoxValue ?? new ScreenBox(c.X, c.Y, c.X, c.Y)),
            _ => throw new AbilityNotSupportedException(Id, ModelTaskKind.NextAction),
        }));
    }

    private static string Box(ModelSpace space, ScreenBox box)
    {
        var (x1, y1) = space.FromScreen(new(box.X1, box.Y1));
        var (x2, y2) = space.FromScreen(new(box.X2, box.Y2));
        return string.Create(CultureInfo.InvariantCulture, $"<p>target</p> {{<{R(x1)}><{R(y1)}><{R(x2)}><{R(y2)}>}}");
    }

    private static long R(double v) => (long)Math.Round(v, MidpointRounding.AwayFromZero);

    /// <summary>The &lt;p&gt;label&lt;/p&gt; of the first box, if any.</summary>
    private static string? Label(string text)
    {
        var open = text.IndexOf("<p>", StringComparison.Ordinal);
        var close = open < 0 ? -1 : text.IndexOf("</p>", open + 3, StringComparison.Ordinal);
        return close < 0 ? null : text[(open + 3)..close].Trim();
    }
}
