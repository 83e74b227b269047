namespace VisualAgent.Bench.Metrics;

/// <summary>
/// The outcome of <see cref="DetectionMetrics.Match"/>: precision = matched / predicted, recall = matched / truth,
/// F1 their harmonic mean. With nothing predicted, precision is 1 when there was nothing to find and 0 otherwise; with
/// nothing to find, recall is 1 when nothing was predicted and 0 otherwise; F1 is 0 when both are 0.
/// </summary>
internal sealed record DetectionScore(double Precision, double Recall, double F1, int Matched)
{
    public int TruthCount { get; init; }

    public int PredictedCount { get; init; }

    /// <summary>The matched pairs (index into truth, index into predicted, IoU), best IoU first.</summary>
    public IReadOnlyList<(int Truth, int Predicted, double Iou)> Pairs { get; init; } = [];
}
