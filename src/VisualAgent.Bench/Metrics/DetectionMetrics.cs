using VisualAgent.Geometry;

namespace VisualAgent.Bench.Metrics;

/// <summary>
/// Text-detection scoring: greedy one-to-one matching of predicted boxes to true boxes. Every pair whose IoU is at
/// least the threshold (and, with <c>requireText</c>, whose texts are equal after <see cref="TextMetrics.Normalize"/>
/// ignoring case) is a candidate; candidates are taken in order of decreasing IoU (ties: lower truth index, then
/// lower predicted index) and a pair is kept when neither box is matched yet.
/// </summary>
internal static class DetectionMetrics
{
    public static DetectionScore Match(
        IReadOnlyList<(string Text, ScreenBox Box)> truth,
        IReadOnlyList<(string Text, ScreenBox Box)> predicted,
        double iouThreshold = 0.5,
        bool requireText = false)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentOutOfRangeException.ThrowIfLessThan(iouThreshold, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iouThreshold, 1);

        var candidates = new List<(int Truth, int Predicted, double Iou)>();
        for (var t = 0; t < truth.Count; t++)
        {
            for (var p = 0; p < predicted.Count; p++)
            {
                var iou = truth[t].Box.IntersectionOverUnion(predicted[p].Box);
                // A zero threshold still needs some overlap: disjoint boxes are never a match.
                if (iou <= 0 || iou < iouThreshold)
                {
                    continue;
                }

                if (requireText && !string.Equals(
                    TextMetrics.Normalize(truth[t].Text, ignoreCase: true), TextMetrics.Normalize(predicted[p].Text, ignoreCase: true), StringComparison.Ordinal))
                {
                    continue;
                }

                candidates.Add((t, p, iou));
            }
        }

        candidates.Sort((a, b) => b.Iou != a.Iou ? b.Iou.CompareTo(a.Iou) : a.Truth != b.Truth ? a.Truth.CompareTo(b.Truth) : a.Predicted.CompareTo(b.Predicted));
        var usedTruth = new bool[truth.Count];
        var usedPredicted = new bool[predicted.Count];
        var pairs = new List<(int Truth, int Predicted, double Iou)>();
        foreach (var c in candidates)
        {
            if (!usedTruth[c.Truth] && !usedPredicted[c.Predicted])
            {
                usedTruth[c.Truth] = usedPredicted[c.Predicted] = true;
                pairs.Add(c);
            }
        }

        var matched = pairs.Count;
        var precision = predicted.Count == 0 ? (truth.Count == 0 ? 1 : 0) : (double)matched / predicted.Count;
        var recall = truth.Count == 0 ? (predicted.Count == 0 ? 1 : 0) : (double)matched / truth.Count;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new DetectionScore(precision, recall, f1, matched) { TruthCount = truth.Count, PredictedCount = predicted.Count, Pairs = pairs };
    }
}
