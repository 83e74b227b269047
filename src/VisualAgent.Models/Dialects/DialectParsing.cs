using System.Text.Json;
using VisualAgent.Actions;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects.Parsing;

namespace VisualAgent.Models.Dialects;

/// <summary>What the CLI's <c>parse</c> verb prints: one contract JSON line for a raw reply.</summary>
public static class DialectParsing
{
    /// <summary>
    /// Parses <paramref name="raw"/> in the dialect's grammar against a screenshot of <paramref name="imageSize"/> and returns
    /// the action as one line of contract JSON (a text-only reply becomes {"action": "answer", "text": ...}), or
    /// {"error": "...", "raw": "..."} when it does not parse. Without <paramref name="inputSize"/> the size the model saw is
    /// derived from the family's default image budget (<see cref="IModelDialect"/>), with <paramref name="minPixels"/> /
    /// <paramref name="maxPixels"/> overriding its bounds. An unknown dialect id throws <see cref="UsageException"/>.
    /// </summary>
    public static string ParseToJson(
        string dialectId, string raw, PixelSize imageSize, PixelSize? inputSize, long? minPixels, long? maxPixels, double divisor)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var dialect = DialectRegistry.Get(dialectId);
        if (imageSize.IsEmpty)
        {
            throw new UsageException($"The image size {imageSize} is empty: give it as WIDTHxHEIGHT, e.g. 1920x1080.");
        }

        if (!(divisor > 0) || !double.IsFinite(divisor))
        {
            throw new UsageException($"The divisor must be a positive number (1000 or 999), not {divisor}.");
        }

        var sent = inputSize ?? dialect.SizeToSend(imageSize, Budget(dialect, minPixels, maxPixels));
        var context = new ReplyContext(imageSize, sent) { Divisor = divisor };
        try
        {
            var reply = dialect.Parse(raw, context);
            AgentAction action = reply.Action ?? new AnswerAction(reply.Text ?? "") { Thought = reply.Thought };
            return ContractJson.Serialize(action);
        }
        catch (ModelReplyParseException e)
        {
            return Error(e.Message, raw);
        }
    }

    /// <summary>The JSON line for a reply that does not parse.</summary>
    public static string Error(string message, string raw) =>
        JsonSerializer.Serialize(new ErrorLine(message, raw), ActionJson.Options);

    private static ImageBudget? Budget(IModelDialect dialect, long? minPixels, long? maxPixels) =>
        minPixels is null && maxPixels is null
            ? null
            : dialect.DefaultBudget with
            {
                MinPixels = minPixels ?? dialect.DefaultBudget.MinPixels,
                MaxPixels = maxPixels ?? dialect.DefaultBudget.MaxPixels,
            };

    private sealed record ErrorLine(string Error, string Raw);
}
