using VisualAgent.Actions;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects;

namespace VisualAgent.Tests.Dialects;

/// <summary>Shared helpers: contexts with the family's own sent size, and point assertions within a tolerance.</summary>
internal static class DialectTestKit
{
    public static IModelDialect Dialect(string id) => DialectRegistry.Get(id);

    public static ReplyContext Context(string id, int w, int h, double divisor = 1000)
    {
        var original = new PixelSize(w, h);
        return new ReplyContext(original, Dialect(id).SizeToSend(original)) { Divisor = divisor };
    }

    public static AgentAction Parse(string id, string reply, int w, int h) =>
        Dialect(id).Parse(reply, Context(id, w, h)).Action ?? throw new Xunit.Sdk.XunitException("The reply gave no action.");

    public static void Near(double ex, double ey, ScreenPoint? actual, double tolerance = 1.0)
    {
        Assert.NotNull(actual);
        Assert.True(
            Math.Abs(actual.Value.X - ex) <= tolerance && Math.Abs(actual.Value.Y - ey) <= tolerance,
            $"Expected ({ex}, {ey}) within {tolerance}px, got {actual}.");
    }

    public static T Is<T>(AgentAction action)
        where T : AgentAction => Assert.IsType<T>(action);
}
