using VisualAgent.Geometry;

namespace VisualAgent.Bench.Metrics;

/// <summary>
/// RefCOCO-style scoring of predicted boxes: IoU with the true box, and Acc@IoU&gt;=0.5 (a hit when IoU is at least
/// the threshold, the threshold itself included). A missing prediction is IoU 0.
/// </summary>
internal static class RefexpMetrics
{
    /// <summary>Intersection over union; 0 when either box has no area or they do not overlap.</summary>
    public static double Iou(ScreenBox truth, ScreenBox predicted) => truth.IntersectionOverUnion(predicted);

    /// <summary>Whether one prediction counts as correct at the threshold (default 0.5, inclusive).</summary>
    public static bool IsHit(ScreenBox truth, ScreenBox? predicted, double threshold = 0.5) =>
        predicted is { } p && Iou(truth, p) >= threshold;

    /// <summary>The fraction of samples whose IoU is at least <paramref name="threshold"/> (0 for an empty list).</summary>
    public static double AccuracyAtIou(IReadOnlyList<(ScreenBox Truth, ScreenBox? Predicted)> samples, double threshold = 0.5) =>
        Score(samples, threshold).Accuracy;

    /// <summary>Mean IoU and Acc@IoU over the list; an empty list scores 0 with N = 0.</summary>
    public static RefexpScore Score(IReadOnlyList<(ScreenBox Truth, ScreenBox? Predicted)> samples, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1);
        if (samples.Count == 0)
        {
            return new RefexpScore(0, 0, 0, threshold);
        }

        var ious = samples.Select(s => s.Predicted is { } p ? Iou(s.Truth, p) : 0).ToList();
        return new RefexpScore(samples.Count, ious.Average(), ious.Count(i => i >= threshold) / (double)samples.Count, threshold)
        {
            Missing = samples.Count(s => s.Predicted is null),
        };
    }
}
