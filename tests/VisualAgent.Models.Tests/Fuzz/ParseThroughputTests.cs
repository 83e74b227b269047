using System.Diagnostics;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects;

namespace VisualAgent.Tests.Fuzz;

/// <summary>Replies parsed per second on typical well-formed replies (a figure for reports; not asserted).</summary>
public sealed class ParseThroughputTests
{
    [Fact]
    [Trait("Category", "Benchmark")]
    public void Parse_TypicalReplies_ReportsRepliesPerSecond()
    {
        var original = new PixelSize(1920, 1080);
        (string Id, string Reply)[] cases =
        [
            ("qwen3-vl", "Thought: click it.\n<tool_call>\n{\"name\": \"computer_use\", \"arguments\": {\"action\": \"left_click\", \"coordinate\": [500, 500]}}\n</tool_call>"),
            ("qwen3-vl", "```json\n[{\"bbox_2d\": [10, 20, 300, 400], \"label\": \"a\"}, {\"bbox_2d\": [5, 5, 50, 50], \"label\": \"b\"}]\n```"),
            ("ui-tars", "Thought: go.\nAction: click(start_box='<|box_start|>(100,200)<|box_end|>')"),
            ("generic-json", "{\"action\": \"click\", \"x\": 683, \"y\": 384}"),
            ("llava", "[0.12, 0.34, 0.56, 0.78]"),
        ];
        var total = 0;
        var clock = Stopwatch.StartNew();
        foreach (var (id, reply) in cases)
        {
            var dialect = DialectRegistry.Get(id);
            var context = new ReplyContext(original, dialect.SizeToSend(original));
            var one = Stopwatch.StartNew();
            for (var i = 0; i < 20_000; i++)
            {
                Assert.NotNull(dialect.Parse(reply, context).Action);
            }

            total += 20_000;
            TestContext.Current.TestOutputHelper?.WriteLine($"{id}: {20_000 / one.Elapsed.TotalSeconds:0} replies/s ({reply.Length} chars)");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"all: {total / clock.Elapsed.TotalSeconds:0} replies/s");
    }
}
