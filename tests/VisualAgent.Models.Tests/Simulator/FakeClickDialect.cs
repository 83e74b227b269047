using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using VisualAgent.Actions;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects;

namespace VisualAgent.Tests.Simulator;

/// <summary>
/// A hand-written test dialect: replies "click(x,y)" (or a Hermes tool call) in pixels of the image it was SENT,
/// so a wrong sent size or a missing resize shows up as a wrong point. Sends images scaled down to fit MaxPixels,
/// sides rounded down to multiples of the factor.
/// </summary>
internal sealed partial class FakeClickDialect : IModelDialect
{
    public string Id => "fake";

    /// <summary>Write replies as &lt;tool_call&gt; blocks instead of click(x,y).</summary>
    public bool ToolCalls { get; init; }

    public DialectAbilities Abilities => DialectAbilities.Ground | DialectAbilities.NextAction;

    public ImageBudget DefaultBudget { get; } = new(32, 32 * 32, 4096 * 4096);

    public PixelSize SizeToSend(PixelSize original, ImageBudget? budget = null)
    {
        var b = budget ?? DefaultBudget;
        var scale = original.Area > b.MaxPixels ? Math.Sqrt((double)b.MaxPixels / original.Area) : 1;
        int Side(int v) => Math.Max(b.Factor, (int)(v * scale) / b.Factor * b.Factor);
        return new PixelSize(Side(original.Width), Side(original.Height));
    }

    public ModelPrompt BuildPrompt(ModelTask task, ReplyContext context) =>
        new("You are a fake test model. Reply click(x,y) in pixels of the image you see.", $"{task.Kind}: {task.Text}");

    public ParsedReply Parse(string reply, ReplyContext context)
    {
        var m = ClickPattern().Match(reply);
        double x, y;
        if (m.Success)
        {
            x = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            y = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        }
        else if (ToolPattern().Match(reply) is { Success: true } t)
        {
            using var doc = JsonDocument.Parse(t.Groups[1].Value);
            var args = doc.RootElement.GetProperty("arguments");
            x = args.GetProperty("x").GetDouble();
            y = args.GetProperty("y").GetDouble();
        }
        else
        {
            throw new ModelReplyParseException("Expected click(x,y) with pixel coordinates.", reply);
        }

        var sx = (double)context.OriginalSize.Width / context.SentSize.Width;
        var sy = (double)context.OriginalSize.Height / context.SentSize.Height;
        return new ParsedReply { Action = new ClickAction(x * sx, y * sy) };
    }

    public string FormatReply(ParsedReply answer, ReplyContext context)
    {
        if (answer.Action?.Target is not { } p)
        {
            return answer.Text ?? answer.Action?.Name ?? "";
        }

        var x = p.X * context.SentSize.Width / context.OriginalSize.Width;
        var y = p.Y * context.SentSize.Height / context.OriginalSize.Height;
        return ToolCalls
            ? FormattableString.Invariant($"Thought: found it.\n<tool_call>\n{{\"name\": \"computer_use\", \"arguments\": {{\"x\": {x:0.##}, \"y\": {y:0.##}}}}}\n</tool_call>")
            : FormattableString.Invariant($"click({x:0.##},{y:0.##})");
    }

    [GeneratedRegex(@"click\(\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*\)")]
    private static partial Regex ClickPattern();

    [GeneratedRegex(@"<tool_call>\s*(\{.*\})\s*</tool_call>", RegexOptions.Singleline)]
    private static partial Regex ToolPattern();
}
