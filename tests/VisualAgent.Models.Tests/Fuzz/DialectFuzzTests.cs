using System.Diagnostics;
using VisualAgent.Actions;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects;

namespace VisualAgent.Tests.Fuzz;

/// <summary>
/// 10,000 mutated replies per dialect: only ModelReplyParseException may escape, nothing hangs, and every action that
/// comes back lies inside the image and serialises to the contract JSON.
/// </summary>
public sealed class DialectFuzzTests
{
    private const int RepliesPerDialect = 10_000;
    private static readonly PixelSize Original = new(1920, 1080);

    public static TheoryData<string> Ids() => [.. DialectRegistry.Ids];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Parse_TenThousandMutatedReplies_OnlyParseErrorsAndCoordinatesInside(string id)
    {
        var dialect = DialectRegistry.Get(id);
        var context = new ReplyContext(Original, dialect.SizeToSend(Original));
        var seeds = Seeds(dialect, context);
        var mutator = new ReplyMutator(seed: 20_240_601 + id.Length);
        int parsed = 0, rejected = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < RepliesPerDialect; i++)
        {
            var raw = mutator.Mutate(seeds[i % seeds.Count]);
            try
            {
                var reply = dialect.Parse(raw, context);
                AssertInside(reply, raw);
                parsed++;
            }
            catch (ModelReplyParseException e)
            {
                Assert.Equal(raw, e.Raw);
                rejected++;
            }
        }

        clock.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{id}: {RepliesPerDialect} replies in {clock.ElapsedMilliseconds} ms ({RepliesPerDialect / clock.Elapsed.TotalSeconds:0} per second), {parsed} parsed, {rejected} rejected");
        // A guard against pathological (superlinear) parsing, not a speed target: about 1 s on an idle machine, and
        // still under 15 s on one running five builds at once; a backtracking parser would take minutes.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{id} took {clock.Elapsed}.");
        Assert.True(parsed > 0 && rejected > 0, $"{id}: {parsed} parsed, {rejected} rejected; the mutations should produce both.");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Parse_PathologicalReplies_FinishQuickly(string id)
    {
        var dialect = DialectRegistry.Get(id);
        var context = new ReplyContext(Original, dialect.SizeToSend(Original));
        string[] replies =
        [
            new string('[', 200_000),
            string.Concat(Enumerable.Repeat("{\"a\": [1, ", 20_000)),
            string.Concat(Enumerable.Repeat("Action: click(start_box='(1,", 5_000)),
            string.Concat(Enumerable.Repeat("<|box_start|>(", 10_000)),
            string.Concat(Enumerable.Repeat("(1,2", 20_000)),
            string.Concat(Enumerable.Repeat("<think>", 10_000)),
            string.Concat(Enumerable.Repeat("x Action: ", 10_000)),
            string.Concat(Enumerable.Repeat("{<1><2>", 10_000)),
        ];
        var clock = Stopwatch.StartNew();
        foreach (var raw in replies)
        {
            try
            {
                AssertInside(dialect.Parse(raw, context), raw[..40]);
            }
            catch (ModelReplyParseException)
            {
                // expected for most of them
            }
        }

        // Quadratic or backtracking parsing of these takes minutes; linear parsing well under a second (idle machine).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{id} took {clock.Elapsed} on pathological replies.");
    }

    private static List<string> Seeds(IModelDialect dialect, ReplyContext context)
    {
        var seeds = new List<string>
        {
            """<tool_call>{"name": "computer_use", "arguments": {"action": "left_click", "coordinate": [500, 500]}}</tool_call>""",
            "```json\n[{\"bbox_2d\": [10, 20, 300, 400], \"label\": \"a\"}, {'bbox_2d': [5, 5, 50, 50], 'text_content': 'Hi'}]\n```",
            "Thought: go.\nAction: click(start_box='<|box_start|>(100,200)<|box_end|>')\n\ntype(content='x\\n')",
            "scroll(point='<point>500 500</point>', direction='down')",
            """{"action": "drag", "x": 1, "y": 2, "x2": 300, "y2": 400, "then": [{"action": "key", "keys": ["ctrl", "v"]}]}""",
            "<|object_ref_start|>b<|object_ref_end|><|box_start|>(100,200),(300,400)<|box_end|>",
            "[0.12, 0.34, 0.56, 0.78]",
            "<p>x</p> {<10><20><30><40>}",
            "Answer: a dialog box",
        };
        var box = new ScreenBox(300, 200, 700, 260);
        var answers = new[]
        {
            new ParsedReply { Action = new ClickAction(500, 230) { Box = box.ToArray() }, Task = ModelTaskKind.Ground },
            new ParsedReply { Action = new ClickAction(10, 1070), Task = ModelTaskKind.Ground },
            new ParsedReply
            {
                Action = new ClickAction(100, 100) { Thought = "t", Then = [new DragAction(1, 2, 1900, 1000), new ScrollAction(50, 50, 0, -500), new TypeAction("hi", true)] },
                Task = ModelTaskKind.NextAction,
            },
            new ParsedReply { Text = "The screen shows a login form." },
        };
        foreach (var answer in answers)
        {
            try
            {
                seeds.Add(dialect.FormatReply(answer, context));
            }
            catch (AbilityNotSupportedException)
            {
                // llava, minigpt-v2 and blip2 cannot write actions
            }
        }

        return seeds;
    }

    private static void AssertInside(ParsedReply reply, string raw)
    {
        if (reply.Action is { } action)
        {
            AssertInside(action, raw);
            _ = ActionJson.Serialize(action); // must be finite everywhere
        }

        foreach (var spot in reply.Spots ?? [])
        {
            AssertPoint(spot.Box.X1, spot.Box.Y1, raw);
            AssertPoint(spot.Box.X2, spot.Box.Y2, raw);
        }
    }

    private static void AssertInside(AgentAction action, string raw)
    {
        if (action.Target is { } p)
        {
            AssertPoint(p.X, p.Y, raw);
        }

        if (action is DragAction d)
        {
            AssertPoint(d.X2, d.Y2, raw);
        }

        if (action.Box is { } b)
        {
            AssertPoint(b[0], b[1], raw);
            AssertPoint(b[2], b[3], raw);
        }

        if (action is ScrollAction s)
        {
            Assert.True(double.IsFinite(s.Dx) && double.IsFinite(s.Dy), $"Scroll not finite for: {raw}");
        }

        foreach (var next in action.Then ?? [])
        {
            AssertInside(next, raw);
        }
    }

    private static void AssertPoint(double x, double y, string raw) =>
        Assert.True(
            x >= 0 && x <= Original.Width - 1 && y >= 0 && y <= Original.Height - 1,
            $"({x}, {y}) is outside {Original} for reply: {raw}");
}
