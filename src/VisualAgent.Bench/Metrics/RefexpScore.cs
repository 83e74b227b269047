namespace VisualAgent.Bench.Metrics;

/// <summary>Referring-expression scores over a list: mean IoU and the fraction with IoU at or above the threshold.</summary>
internal sealed record RefexpScore(int N, double MeanIou, double Accuracy, double Threshold)
{
    /// <summary>Samples with no predicted box (they count as IoU 0 and as misses).</summary>
    public int Missing { get; init; }
}
