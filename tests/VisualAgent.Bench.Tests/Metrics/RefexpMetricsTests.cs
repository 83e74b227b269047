using VisualAgent.Bench.Metrics;
using VisualAgent.Geometry;

namespace VisualAgent.Tests.Metrics;

public sealed class RefexpMetricsTests
{
    private static readonly ScreenBox _truth = new(0, 0, 10, 10);

    [Fact]
    public void Iou_HalfShifted_IsOneThird()
    {
        Assert.Equal(1.0 / 3, RefexpMetrics.Iou(_truth, new ScreenBox(5, 0, 15, 10)), 12);
    }

    [Fact]
    public void IsHit_IouExactlyHalf_CountsAsHit()
    {
        Assert.True(RefexpMetrics.IsHit(_truth, new ScreenBox(0, 0, 10, 20)));
        Assert.False(RefexpMetrics.IsHit(_truth, null));
    }

    [Fact]
    public void Score_MixedList_GivesMeanIouAndAccuracy()
    {
        var score = RefexpMetrics.Score(
        [
            (_truth, _truth),
            (_truth, new ScreenBox(5, 0, 15, 10)),
            (_truth, null),
            (_truth, new ScreenBox(0, 0, 10, 20)),
        ]);

        Assert.Equal(4, score.N);
        Assert.Equal((1 + (1.0 / 3) + 0 + 0.5) / 4, score.MeanIou, 12);
        Assert.Equal(0.5, score.Accuracy, 12);
        Assert.Equal(1, score.Missing);
        Assert.Equal(0.25, RefexpMetrics.AccuracyAtIou([(_truth, _truth), (_truth, null), (_truth, null), (_truth, null)]), 12);
    }
}
