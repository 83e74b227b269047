using System.Globalization;
using VisualAgent.Actions;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects.Parsing;

namespace VisualAgent.Models.Dialects.Families;

/// <summary>
/// Qwen3-VL fine-tunes served as grounders only: one click point per request on a fixed relative grid of the image as sent
/// (Qwen3-VL's processor, factor 32). Each family says how it frames the point; this base maps it, rejects points far off
/// the image, and writes it back for the simulator. They plan nothing: pair them with a planner (--grounder).
/// </summary>
internal abstract class PointGrounderDialect(PromptLibrary? prompts) : DialectBase(prompts)
{
    /// <summary>The grid's size: numbers run 0..Scale across the image sent, whatever the profile's Divisor says.</summary>
    protected abstract double Scale { get; }

    /// <summary>Strings that show the reply tried the family's grammar (a parse error rather than prose).</summary>
    protected abstract string[] Markers { get; }

    public override DialectAbilities Abilities => DialectAbilities.Ground;

    /// <summary>Qwen3-VL's processor: patch 16 x merge 2, as the base model.</summary>
    public override ImageBudget DefaultBudget { get; } = new(32, 65_536, 16_777_216);

    /// <summary>The point's numbers (2, or a box's 4) and any reasoning the reply carried beside it; null numbers when absent.</summary>
    protected abstract (double[]? Numbers, string? Thought) ReadPoint(string text);

    /// <summary>The reply for a point already on the grid (whole numbers), with the thought when there is one.</summary>
    protected abstract string WritePoint(long x, long y, string? thought);

    protected override ParsedReply ParseCore(string text, string? thinking, ReplyContext context)
    {
        var (numbers, thought) = ReadPoint(text);
        if (numbers is null)
        {
            return ProseOrFail(text, thinking, Markers);
        }

        var at = new ActionFactory(ModelSpace.Grid(context, Scale)).Locate(numbers, "The click position");
        var allThought = Join(thinking, thought);
        var chainThought = allThought.Length > 0 ? allThought : null;
        return new ParsedReply { Action = ActionFactory.Click(at) with { Thought = chainThought }, Thought = chainThought };
    }

    protected override string FormatCore(ParsedReply answer, ReplyContext context)
    {
        if (answer.Action is not ClickAction click)
        {
            return answer.Text ?? "";
        }

        var (x, y) = ModelSpace.Grid(context, Scale).FromScreen(new ScreenPoint(click.X, click.Y));
        return WritePoint((long)Math.Round(x), (long)Math.Round(y), answer.Thought ?? click.Thought);
    }

    /// <summary>No system prompt unless the family documents one (prompts/ID/system.txt).</summary>
    protected override string? SystemTemplateOf(ModelTaskKind kind) => Prompts.Exists(Id, "system.txt") ? "system.txt" : null;

    protected static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Holo2 (H Company, Qwen3-VL fine-tunes: Holo2-4B, -8B, -30B-A3B) as a localizer: the documented prompt asks for JSON
/// {"x": X, "y": Y} with integers 0..1000 of the image sent (thinking off).
/// </summary>
internal sealed class Holo2Dialect(PromptLibrary? prompts = null) : PointGrounderDialect(prompts)
{
    public override string Id => "holo2";

    protected override double Scale => 1000;

    protected override string[] Markers { get; } = ["\"x\"", "'x'"];

    protected override string Expected => "JSON {\"x\": X, \"y\": Y} with integers 0..1000 across the image sent";

    protected override (double[]? Numbers, string? Thought) ReadPoint(string text)
    {
        foreach (var node in LooseJsonReader.FindAll(ReplyText.StripFences(text)))
        {
            if (node is LooseObject o && o.Number("x") is { } x && o.Number("y") is { } y)
            {
                return ([x, y], null);
            }
        }

        return (null, null);
    }

    protected override string WritePoint(long x, long y, string? thought) => $"{{\"x\": {Number(x)}, \"y\": {Number(y)}}}";
}

/// <summary>
/// MAI-UI (Tongyi Lab, Qwen3-VL fine-tunes: MAI-UI-2B, -8B, -32B) as a grounder: the documented grounding system prompt asks
/// for reasoning in &lt;grounding_think&gt; and {"coordinate": [x, y]} in &lt;answer&gt;, on a 0..999 grid of the image sent
/// (the reference code's SCALE_FACTOR = 999; a 4-number box stands for its centre, as that code reads it).
/// </summary>
internal sealed class MaiUiDialect(PromptLibrary? prompts = null) : PointGrounderDialect(prompts)
{
    public override string Id => "mai-ui";

    protected override double Scale => 999;

    protected override string[] Markers { get; } = ["<answer", "\"coordinate\""];

    protected override string Expected => "<grounding_think>...</grounding_think><answer>{\"coordinate\": [x, y]}</answer> on a 0..999 grid of the image sent";

    protected override (double[]? Numbers, string? Thought) ReadPoint(string text)
    {
        var thought = Between(text, "<grounding_think>", "</grounding_think>");
        var answer = Between(text, "<answer>", "</answer>") ?? text;
        foreach (var node in LooseJsonReader.FindAll(ReplyText.StripFences(answer)))
        {
            if (node is LooseObject o && o.Get("coordinate") is LooseArray { Items: { Count: 2 or 4 } items } && items.All(i => i is LooseNumber))
            {
                return ([.. items.Cast<LooseNumber>().Select(n => n.Value)], thought);
            }
        }

        return (null, thought);
    }

    protected override string WritePoint(long x, long y, string? thought) =>
        $"<grounding_think>{(string.IsNullOrWhiteSpace(thought) ? "The target is at this point." : thought.Trim())}</grounding_think>\n<answer>\n{{\"coordinate\": [{Number(x)}, {Number(y)}]}}\n</answer>";

    private static string? Between(string text, string open, string close)
    {
        var start = text.IndexOf(open, StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        start += open.Length;
        var end = text.IndexOf(close, start, StringComparison.OrdinalIgnoreCase);
        return (end < 0 ? text[start..] : text[start..end]).Trim();
    }
}
