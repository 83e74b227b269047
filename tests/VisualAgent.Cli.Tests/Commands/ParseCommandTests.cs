using System.Text.Json;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Commands;

public sealed class ParseCommandTests
{
    [Fact]
    public async Task Parse_Qwen3ToolCallAt1080p_PrintsContractClickInOriginalPixels()
    {
        var (code, stdout, _) = await CliProcess.RunAsync(TempFolder.Fresh(), "parse", "--dialect", "qwen3-vl", "--image-size", "1920x1080",
            """<tool_call>{"name": "computer_use", "arguments": {"action": "left_click", "coordinate": [500, 500]}}</tool_call>""");

        Assert.Equal(0, code);
        Assert.Equal("""{"action":"click","x":960.0,"y":540.0,"button":"left","count":1}""", stdout.Trim());
    }

    [Fact]
    public async Task Parse_UiTarsWithInputSize_UsesTheSizeTheModelSaw()
    {
        var (code, stdout, _) = await CliProcess.RunAsync(TempFolder.Fresh(), "parse", "--dialect", "ui-tars", "--image-size", "1920x1080",
            "--input-size", "1932x1092", "Action: click(start_box='(100,200)')");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(99.379, doc.RootElement.GetProperty("x").GetDouble(), 0.01);
        Assert.Equal(197.802, doc.RootElement.GetProperty("y").GetDouble(), 0.01);
    }

    [Fact]
    public async Task Parse_Batch_WritesOneLinePerInputInOrderWithErrors()
    {
        var folder = TempFolder.Fresh();
        var file = Path.Combine(folder, "replies.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"raw": "Action: click(start_box='(100,200)')", "image_width": 1920, "image_height": 1080, "dialect": "ui-tars"}""",
            """{"raw": "<tool_call>{\"name\": \"computer_use\", \"arguments\": {\"action\": \"left_click\"}}</tool_call>", "image_width": 1920, "image_height": 1080, "dialect": "qwen2.5-vl"}""",
            """{"raw": "[{\"point_2d\": [925, 618], \"label\": \"p\"}]", "image_width": 480, "image_height": 640}""",
        ], TestContext.Current.CancellationToken);

        var (code, stdout, _) = await CliProcess.RunAsync(folder, "parse", "--jsonl", file, "--dialect", "qwen3-vl");

        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"action\":\"click\"", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("{\"error\"", lines[1], StringComparison.Ordinal);
        using var third = JsonDocument.Parse(lines[2]);
        Assert.Equal(444.0, third.RootElement.GetProperty("x").GetDouble(), 0.5);
        Assert.Equal(395.5, third.RootElement.GetProperty("y").GetDouble(), 0.5);
    }

    [Fact]
    public async Task Parse_UnknownDialect_ExitsWithUsageCodeListingDialects()
    {
        var (code, _, stderr) = await CliProcess.RunAsync(TempFolder.Fresh(), "parse", "--dialect", "nope", "--image-size", "100x100", "x");

        Assert.Equal(2, code);
        Assert.Contains("qwen3-vl", stderr, StringComparison.Ordinal);
    }
}
