using VisualAgent.Actions;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects;
using static VisualAgent.Tests.Dialects.DialectTestKit;

namespace VisualAgent.Tests.Dialects;

/// <summary>
/// FormatReply -> Parse for every dialect with coordinates and four screen sizes. Points come back within 1 px, or
/// within half a grid cell where the family writes integers on a coarse grid (0..1000 on a 2560-pixel side is 2.56 px
/// per unit); boxes come back with their centre inside the original box.
/// </summary>
public sealed class RoundTripTests
{
    private static readonly (int W, int H)[] Sizes = [(1280, 720), (1920, 1080), (2560, 1440), (1080, 2400)];

    public static TheoryData<string, int, int> Cases() =>
        Matrix("qwen3-vl", "qwen2.5-vl", "ui-tars", "qwen2-vl", "generic-json", "llava", "minigpt-v2");

    public static TheoryData<string, int, int> ActingCases() => Matrix("qwen3-vl", "qwen2.5-vl", "ui-tars", "qwen2-vl", "generic-json");

    private static TheoryData<string, int, int> Matrix(params string[] ids)
    {
        var data = new TheoryData<string, int, int>();
        foreach (var id in ids)
        {
            foreach (var (w, h) in Sizes)
            {
                data.Add(id, w, h);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FormatThenParse_GroundingBox_CentreInsideBox(string id, int w, int h)
    {
        var context = Context(id, w, h);
        var box = new ScreenBox(w * 0.31, h * 0.42, (w * 0.31) + 220, (h * 0.42) + 90);
        var answer = new ParsedReply { Action = new ClickAction(box.Center.X, box.Center.Y) { Box = box.ToArray() }, Task = ModelTaskKind.Ground };

        var reply = Dialect(id).FormatReply(answer, context);
        var parsed = Dialect(id).Parse(reply, context).Action!;

        Assert.True(box.Contains(parsed.Target!.Value), $"{id} {w}x{h}: {parsed.Target} not in {box}; reply: {reply}");
        Assert.False(parsed.Clamped);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FormatThenParse_Point_WithinOnePixelOrHalfAGridCell(string id, int w, int h)
    {
        var context = Context(id, w, h);
        var point = new ScreenPoint(w * 0.737, h * 0.281);
        var answer = new ParsedReply { Action = new ClickAction(point.X, point.Y), Task = ModelTaskKind.Ground };

        var reply = Dialect(id).FormatReply(answer, context);
        var parsed = Dialect(id).Parse(reply, context).Action!;

        Near(point.X, point.Y, parsed.Target, Tolerance(id, w, h));
    }

    [Theory]
    [MemberData(nameof(ActingCases))]
    public void FormatThenParse_ActionSequence_KeepsKindsAndCoordinates(string id, int w, int h)
    {
        var context = Context(id, w, h);
        var tolerance = Tolerance(id, w, h);
        AgentAction[] actions =
        [
            new ClickAction(w * 0.2, h * 0.3, MouseButton.Right),
            new ClickAction(w * 0.5, h * 0.5, Count: 2),
            new DragAction(w * 0.1, h * 0.1, w * 0.9, h * 0.8),
            new TypeAction("bob's \"name\"", Submit: true),
            new KeyAction(["ctrl", "a"]),
            new ScrollAction(w * 0.5, h * 0.6, 0, 500),
            new DoneAction(DoneStatus.Success),
        ];
        var answer = new ParsedReply { Action = actions[0] with { Thought = "Plan it.", Then = actions[1..] }, Task = ModelTaskKind.NextAction };

        var reply = Dialect(id).FormatReply(answer, context);
        var parsed = ActionFactoryFlatten(Dialect(id).Parse(reply, context).Action!);

        Assert.Equal(actions.Select(a => a.GetType()), parsed.Select(a => a.GetType()));
        Assert.Equal("Plan it.", parsed[0].Thought);
        Assert.Equal(MouseButton.Right, ((ClickAction)parsed[0]).Button);
        Assert.Equal(2, ((ClickAction)parsed[1]).Count);
        var drag = (DragAction)parsed[2];
        Near(w * 0.1, h * 0.1, drag.Target, tolerance);
        Near(w * 0.9, h * 0.8, new ScreenPoint(drag.X2, drag.Y2), tolerance);
        Assert.Equal(actions[3], parsed[3] with { Thought = null });
        Assert.Equal(["ctrl", "a"], ((KeyAction)parsed[4]).Keys);
        var scroll = (ScrollAction)parsed[5];
        Assert.True(scroll.Dy > 0 && scroll.Dx == 0, $"{id}: scroll {scroll}");
        Near(w * 0.5, h * 0.6, scroll.Target, tolerance);
        Assert.Equal(DoneStatus.Success, ((DoneAction)parsed[6]).Status);
    }

    private static double Tolerance(string id, int w, int h) => id switch
    {
        "qwen3-vl" or "qwen2-vl" => Math.Max(1.0, 0.5 * Math.Max(w, h) / 1000.0) + 1e-9,
        "minigpt-v2" => 0.5 * Math.Max(w, h) / 100.0,
        _ => 1.0,
    };

    private static List<AgentAction> ActionFactoryFlatten(AgentAction action)
    {
        var list = new List<AgentAction> { action with { Then = null } };
        list.AddRange(action.Then ?? []);
        return list;
    }
}
