namespace VisualAgent.Bench.Scoring;

/// <summary>
/// Point-in-box scoring (inclusive of the box edges). Groups are the cross product of the --group-by fields; the
/// macro average is the mean over those cells. A line without a usable prediction counts as wrong and wrong-format.
/// </summary>
public static class PointScorer
{
    public static ScoreReport Score(IReadOnlyList<PredictionLine> lines, IReadOnlyList<string> groupBy, IReadOnlyList<SkippedLine>? skipped = null)
    {
        var n = lines.Count;
        var correct = lines.Count(l => l.Correct);
        var ious = lines.Where(l => l.Iou is not null).Select(l => l.Iou!.Value).ToList();
        var groups = new List<GroupScore>();
        if (groupBy.Count > 0)
        {
            groups = lines
                .GroupBy(l => string.Join('\u001f', groupBy.Select(k => l.Fields.TryGetValue(k, out var v) ? v : "")), StringComparer.Ordinal)
                .Select(g =>
                {
                    var first = g.First();
                    var key = groupBy.ToDictionary(k => k, k => first.Fields.TryGetValue(k, out var v) ? v : "", StringComparer.Ordinal);
                    var c = g.Count(l => l.Correct);
                    return new GroupScore(key, g.Count(), c, Round(Fraction(c, g.Count())));
                })
                .OrderBy(g => string.Join('\u001f', g.Key.Values), StringComparer.Ordinal)
                .ToList();
        }

        var accuracy = Fraction(correct, n);
        return new ScoreReport
        {
            N = n,
            Correct = correct,
            Accuracy = Round(accuracy),
            MacroAccuracy = Round(groups.Count > 0 ? groups.Average(g => Fraction(g.Correct, g.N)) : accuracy),
            WrongFormat = lines.Count(l => l.Point is null),
            MeanIou = ious.Count > 0 ? Round(ious.Average()) : null,
            SkippedLines = skipped ?? [],
            Groups = groups,
        };
    }

    private static double Fraction(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static double Round(double value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);
}
