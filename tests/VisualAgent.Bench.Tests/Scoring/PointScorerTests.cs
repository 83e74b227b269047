using VisualAgent.Bench.Scoring;

namespace VisualAgent.Tests.Scoring;

public sealed class PointScorerTests
{
    private static ScoreReport Score(string jsonl, params string[] groupBy)
    {
        var (lines, skipped) = new PredictionReader(null).Read(new StringReader(jsonl));
        return PointScorer.Score(lines, groupBy, skipped);
    }

    [Theory]
    [InlineData(10, 20)] // top-left corner
    [InlineData(30, 40)] // bottom-right corner
    [InlineData(10, 30)] // left edge
    [InlineData(30, 20)] // top-right corner
    public void Score_PointExactlyOnBoxEdge_CountsAsCorrect(double x, double y)
    {
        var report = Score($$"""{"id": "a", "gt_bbox": [10, 20, 30, 40], "pred_point": [{{x}}, {{y}}]}""");

        Assert.Equal(1, report.Correct);
        Assert.Equal(1.0, report.Accuracy);
    }

    [Theory]
    [InlineData(9.999, 30)]
    [InlineData(30.001, 30)]
    [InlineData(20, 19.5)]
    [InlineData(20, 40.0001)]
    public void Score_PointJustOutsideBox_CountsAsWrong(double x, double y)
    {
        var report = Score($$"""{"id": "a", "gt_bbox": [10, 20, 30, 40], "pred_point": [{{x}}, {{y}}]}""");

        Assert.Equal(0, report.Correct);
        Assert.Equal(0, report.WrongFormat);
    }

    [Fact]
    public void Score_PredBbox_ScoredByCentreWithIouBeside()
    {
        // Centre (25, 25) is inside the truth; IoU of [20,20,30,30] with [10,10,30,30] = 100/400.
        var report = Score("""{"id": "a", "gt_bbox": [10, 10, 30, 30], "pred_bbox": [20, 20, 30, 30]}""");

        Assert.Equal(1, report.Correct);
        Assert.Equal(0.25, report.MeanIou);
    }

    [Fact]
    public void Score_MissingOrMalformedPrediction_CountsWrongAndWrongFormat()
    {
        var report = Score("""
            {"id": "a", "gt_bbox": [0, 0, 10, 10]}
            {"id": "b", "gt_bbox": [0, 0, 10, 10], "pred_point": [5]}
            {"id": "c", "gt_bbox": [0, 0, 10, 10], "pred_point": [5, 5]}
            """);

        Assert.Equal(3, report.N);
        Assert.Equal(1, report.Correct);
        Assert.Equal(2, report.WrongFormat);
        Assert.Equal(0.333333, report.Accuracy);
    }

    [Fact]
    public void Score_GroupByTwoFields_MacroIsMeanOverCells()
    {
        var report = Score("""
            {"id": "1", "platform": "web", "ui_type": "text", "gt_bbox": [0, 0, 10, 10], "pred_point": [5, 5]}
            {"id": "2", "platform": "web", "ui_type": "text", "gt_bbox": [0, 0, 10, 10], "pred_point": [5, 5]}
            {"id": "3", "platform": "web", "ui_type": "text", "gt_bbox": [0, 0, 10, 10], "pred_point": [50, 5]}
            {"id": "4", "platform": "web", "ui_type": "icon", "gt_bbox": [0, 0, 10, 10], "pred_point": [50, 5]}
            """, "platform", "ui_type");

        Assert.Equal(0.5, report.Accuracy);
        Assert.Equal(2, report.Groups.Count);
        var text = Assert.Single(report.Groups, g => g.Key["ui_type"] == "text");
        Assert.Equal(0.666667, text.Accuracy);
        Assert.Equal(0.333333, report.MacroAccuracy); // (2/3 + 0) / 2
    }

    [Fact]
    public void Read_MalformedAndDuplicateLines_SkippedWithLineNumbers()
    {
        var report = Score("""
            {"id": "a", "gt_bbox": [0, 0, 10, 10], "pred_point": [1, 1]}
            not json
            {"id": "a", "gt_bbox": [0, 0, 10, 10], "pred_point": [50, 50]}
            {"id": "b", "gt_bbox": [0, 0, 10]}
            """);

        Assert.Equal(1, report.N);
        Assert.Equal([2, 3, 4], report.SkippedLines.Select(s => s.Line));
        Assert.Contains("duplicate", report.SkippedLines[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RawWithoutParser_IsWrongFormatNotCrash()
    {
        var report = Score("""{"id": "a", "gt_bbox": [0, 0, 10, 10], "raw": "click(5,5)", "dialect": "qwen3-vl", "image_width": 100, "image_height": 100}""");

        Assert.Equal(1, report.WrongFormat);
        Assert.Equal(0, report.Correct);
    }
}
