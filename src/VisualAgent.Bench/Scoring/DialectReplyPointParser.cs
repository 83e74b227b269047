using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects;

namespace VisualAgent.Bench.Scoring;

/// <summary>Parses raw replies for `bench score` and the MCP bench_score tool with the project's dialects (sent size from the family's budget).</summary>
public sealed class DialectReplyPointParser : IReplyPointParser
{
    public (ScreenPoint Point, ScreenBox? Box) Parse(string dialect, string raw, PixelSize imageSize, long? minPixels, long? maxPixels)
    {
        var d = DialectRegistry.Get(dialect);
        var budget = d.DefaultBudget;
        if (minPixels is not null || maxPixels is not null)
        {
            budget = budget with { MinPixels = minPixels ?? budget.MinPixels, MaxPixels = maxPixels ?? budget.MaxPixels };
        }

        var reply = d.Parse(raw, new ReplyContext(imageSize, d.SizeToSend(imageSize, budget)));
        if (reply.Action?.Target is not { } point)
        {
            throw new ModelReplyParseException("The reply has no point or box to score.", raw);
        }

        return (point, reply.Action.BoxValue);
    }
}
