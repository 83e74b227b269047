using VisualAgent.Bench.Metrics;
using VisualAgent.Geometry;

namespace VisualAgent.Tests.Metrics;

public sealed class DetectionMetricsTests
{
    private static readonly ScreenBox _a = new(0, 0, 10, 10);
    private static readonly ScreenBox _b = new(20, 0, 30, 10);

    [Fact]
    public void Match_TwoHitsAndOneStray_GivesTwoThirdsPrecisionFullRecall()
    {
        var score = DetectionMetrics.Match(
            [("alpha", _a), ("beta", _b)],
            [("alpha", _a), ("beta", new ScreenBox(21, 0, 31, 10)), ("noise", new ScreenBox(100, 100, 110, 110))]);

        Assert.Equal(2, score.Matched);
        Assert.Equal(2.0 / 3, score.Precision, 12);
        Assert.Equal(1, score.Recall, 12);
        Assert.Equal(0.8, score.F1, 12);
        Assert.Equal(90.0 / 110, score.Pairs.Single(p => p.Truth == 1).Iou, 12);
    }

    [Fact]
    public void Match_TwoPredictionsOnOneTruth_MatchesOnlyTheBetterOne()
    {
        var score = DetectionMetrics.Match([("x", _a)], [("x", new ScreenBox(1, 0, 11, 10)), ("x", _a)]);

        Assert.Equal(1, score.Matched);
        Assert.Equal(1, score.Pairs.Single().Predicted);
        Assert.Equal(0.5, score.Precision, 12);
    }

    [Fact]
    public void Match_GreedyByIou_GivesTheContestedTruthToTheClosestPrediction()
    {
        // P0 overlaps T0 (IoU 0.67) and T1 (0.82); P1 overlaps T1 (0.67). Greedy takes P0-T1 first, which leaves T0 and
        // P1 without a partner (an optimal assignment would pair T0-P0 and T1-P1).
        var t0 = new ScreenBox(0, 0, 10, 10);
        var t1 = new ScreenBox(3, 0, 13, 10);
        var p0 = new ScreenBox(2, 0, 12, 10);
        var p1 = new ScreenBox(5, 0, 15, 10);
        var score = DetectionMetrics.Match([("a", t0), ("b", t1)], [("a", p0), ("b", p1)], iouThreshold: 0.5);

        Assert.Equal(1, score.Matched);
        Assert.Equal((1, 0), (score.Pairs[0].Truth, score.Pairs[0].Predicted));
    }

    [Fact]
    public void Match_RequireTextWithDifferentText_DoesNotMatch()
    {
        var loose = DetectionMetrics.Match([("Total", _a)], [("Tota1", _a)]);
        var strict = DetectionMetrics.Match([("Total", _a)], [("Tota1", _a)], requireText: true);
        var caseOnly = DetectionMetrics.Match([("Total  due", _a)], [("total due", _a)], requireText: true);

        Assert.Equal(1, loose.Matched);
        Assert.Equal(0, strict.Matched);
        Assert.Equal(0, strict.F1);
        Assert.Equal(1, caseOnly.Matched);
    }

    [Fact]
    public void Match_BelowThreshold_IsNoMatch()
    {
        var score = DetectionMetrics.Match([("x", _a)], [("x", new ScreenBox(5, 0, 15, 10))]);

        Assert.Equal(0, score.Matched);
        Assert.Equal(0, score.Precision);
    }

    [Fact]
    public void Match_NothingOnEitherSide_IsPerfect()
    {
        var score = DetectionMetrics.Match([], []);

        Assert.Equal((1.0, 1.0, 1.0, 0), (score.Precision, score.Recall, score.F1, score.Matched));
        Assert.Equal(0, DetectionMetrics.Match([("x", _a)], []).Precision);
    }
}
