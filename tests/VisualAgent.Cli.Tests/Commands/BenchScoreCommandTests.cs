using System.Text.Json;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Commands;

public sealed class BenchScoreCommandTests
{
    [Fact]
    public async Task BenchScore_JsonFormat_HasContractFieldsAndEdgeHits()
    {
        var folder = TempFolder.Fresh();
        var file = Path.Combine(folder, "preds.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"id": "1", "platform": "web", "ui_type": "text", "gt_bbox": [10, 10, 20, 20], "pred_point": [20, 20]}""",
            """{"id": "2", "platform": "web", "ui_type": "icon", "gt_bbox": [10, 10, 20, 20], "pred_bbox": [30, 30, 40, 40]}""",
            """{"id": "3", "platform": "desktop", "ui_type": "text", "gt_bbox": [0, 0, 100, 100], "raw": "<tool_call>{\"name\": \"computer_use\", \"arguments\": {\"action\": \"left_click\", \"coordinate\": [500, 500]}}</tool_call>", "dialect": "qwen3-vl", "image_width": 200, "image_height": 200}""",
            """{"id": "4", "platform": "desktop", "ui_type": "icon", "gt_bbox": [0, 0, 10, 10]}""",
        ], TestContext.Current.CancellationToken);

        var (code, stdout, _) = await CliProcess.RunAsync(folder, "bench", "score", "--predictions", file, "--group-by", "platform,ui_type", "--format", "json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(4, root.GetProperty("n").GetInt32());
        Assert.Equal(2, root.GetProperty("correct").GetInt32()); // edge point, and the qwen3 reply at (100, 100) on the box corner
        Assert.Equal(0.5, root.GetProperty("accuracy").GetDouble());
        Assert.Equal(1, root.GetProperty("wrong_format").GetInt32());
        Assert.Equal(4, root.GetProperty("groups").GetArrayLength());
        Assert.Equal(0.5, root.GetProperty("macro_accuracy").GetDouble());
    }

    [Fact]
    public async Task BenchScore_Csv_HasOverallAndMacroRows()
    {
        var folder = TempFolder.Fresh();
        var file = Path.Combine(folder, "preds.jsonl");
        await File.WriteAllTextAsync(file, """{"id": "1", "gt_bbox": [0, 0, 10, 10], "pred_point": [5, 5]}""" + "\n", TestContext.Current.CancellationToken);

        var (code, stdout, _) = await CliProcess.RunAsync(folder, "bench", "score", "--predictions", file, "--format", "csv");

        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("scope,n,correct,accuracy,wrong_format", lines[0]);
        Assert.StartsWith("overall,1,1,1.000000", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("macro,", lines[2], StringComparison.Ordinal);
    }
}
