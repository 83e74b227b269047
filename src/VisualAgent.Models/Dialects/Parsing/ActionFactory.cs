using System.Globalization;
using VisualAgent.Actions;
using VisualAgent.Geometry;

namespace VisualAgent.Models.Dialects.Parsing;

/// <summary>
/// Builds contract actions from model numbers through a <see cref="ModelSpace"/>: points just outside the image are
/// clamped and flagged, points far outside are a reply error.
/// </summary>
internal sealed class ActionFactory(ModelSpace space)
{
    public ModelSpace Space { get; } = space;

    /// <summary>A point (2 numbers) or a box (4 numbers, the point is its centre) in screenshot pixels.</summary>
    public Located Locate(double[]? values, string what)
    {
        if (values is null)
        {
            throw new ReplyFormatException($"{what} is missing or cut off: expected [x, y] (or a box [x1, y1, x2, y2]).");
        }

        if (values.Any(double.IsNaN))
        {
            throw new ReplyFormatException($"{what} is not a number (NaN).");
        }

        for (var i = 0; i + 1 < values.Length && values.Length is 2 or 4; i += 2)
        {
            if (Space.IsFarOutside(values[i], values[i + 1]))
            {
                throw new ReplyFormatException(string.Create(CultureInfo.InvariantCulture,
                    $"{what} ({values[i]:0.###}, {values[i + 1]:0.###}) lies far outside the {Space.Original.Width}x{Space.Original.Height} image (more than {ModelSpace.ClampMargin:P0} beyond its edge): a point must be on the screenshot."));
            }
        }

        switch (values.Length)
        {
            case 2:
                var p = Space.ToScreen(values[0], values[1], out var clamped);
                return new Located(p, null, clamped);
            case 4:
                var a = Space.ToScreen(values[0], values[1], out var ca);
                var b = Space.ToScreen(values[2], values[3], out var cb);
                var box = ScreenBox.FromCorners(a.X, a.Y, b.X, b.Y);
                return new Located(box.Center, box, ca || cb);
            default:
                throw new ReplyFormatException($"{what} has {values.Length} numbers: expected 2 (a point) or 4 (a box).");
        }
    }

    public static AgentAction Click(Located at, MouseButton button = MouseButton.Left, int count = 1) =>
        new ClickAction(at.Point.X, at.Point.Y, button, count) { Box = at.Box?.ToArray(), Clamped = at.Clamped };

    public static AgentAction Drag(Located from, Located to) =>
        new DragAction(from.Point.X, from.Point.Y, to.Point.X, to.Point.Y) { Clamped = from.Clamped || to.Clamped };

    /// <summary>A finite, non-negative number of seconds (NaN, negative or absurd values fall back or are capped).</summary>
    public static double Seconds(double? value, double fallback) =>
        value is { } v && double.IsFinite(v) && v >= 0 ? Math.Min(v, 3600) : fallback;

    /// <summary>The first action at top level, the rest in Then; the thought on the first.</summary>
    public static AgentAction? Chain(IReadOnlyList<AgentAction> actions, string? thought)
    {
        if (actions.Count == 0)
        {
            return null;
        }

        var first = actions[0] with { Thought = thought ?? actions[0].Thought };
        return actions.Count == 1 ? first : first with { Then = actions.Skip(1).ToArray() };
    }

    /// <summary>The chain flattened back into a list (first action without its Then).</summary>
    public static List<AgentAction> Flatten(AgentAction? action)
    {
        var list = new List<AgentAction>();
        if (action is null)
        {
            return list;
        }

        list.Add(action with { Then = null });
        foreach (var next in action.Then ?? [])
        {
            list.AddRange(Flatten(next));
        }

        return list;
    }
}

/// <summary>A located target: the point, the box it is the centre of (if any), and whether clamping moved it.</summary>
internal readonly record struct Located(ScreenPoint Point, ScreenBox? Box, bool Clamped);
