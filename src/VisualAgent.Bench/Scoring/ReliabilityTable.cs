using System.Globalization;
using System.Text;

namespace VisualAgent.Bench.Scoring;

/// <summary>
/// How well a grounder's confidence predicts its accuracy: answers binned by confidence, each bin's accuracy beside its
/// mean confidence, the expected calibration error (the answers' weighted mean gap between the two), and the wrong
/// answers given with a confidence of 0.95 or more (the ones a user would trust). Refusals are counted apart.
/// </summary>
public sealed record ReliabilityTable(IReadOnlyList<ReliabilityBin> Bins, int Answered, int Refused, double ExpectedCalibrationError, int ConfidentWrong)
{
    /// <summary>Lower edges of the bins; the last bin ends at 1 inclusive.</summary>
    public static IReadOnlyList<double> Edges { get; } = [0, 0.7, 0.8, 0.9, 0.95, 0.98];

    /// <summary>The table of answers given as (confidence, found, hit).</summary>
    public static ReliabilityTable Of(IEnumerable<(double Confidence, bool Found, bool Hit)> answers)
    {
        var list = answers.ToList();
        var found = list.Where(a => a.Found).ToList();
        var bins = new List<ReliabilityBin>();
        for (var i = 0; i < Edges.Count; i++)
        {
            var lo = Edges[i];
            var hi = i + 1 < Edges.Count ? Edges[i + 1] : double.PositiveInfinity;
            var inBin = found.Where(a => a.Confidence >= lo && a.Confidence < hi).ToList();
            bins.Add(new ReliabilityBin(lo, Math.Min(1, hi), inBin.Count, inBin.Count(a => a.Hit),
                inBin.Count == 0 ? 0 : inBin.Average(a => a.Confidence)));
        }

        var ece = found.Count == 0 ? 0 : bins.Where(b => b.N > 0).Sum(b => (double)b.N / found.Count * Math.Abs(b.Accuracy - b.MeanConfidence));
        return new ReliabilityTable(bins, found.Count, list.Count - found.Count, ece, found.Count(a => !a.Hit && a.Confidence >= 0.95));
    }

    /// <summary>A Markdown table and a summary line.</summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder("| confidence | answers | hits | accuracy | mean confidence |\n|---|---:|---:|---:|---:|\n");
        foreach (var b in Bins.Where(b => b.N > 0))
        {
            md.Append(CultureInfo.InvariantCulture, $"| {b.From:0.00}-{(b.To >= 1 ? "1.00" : b.To.ToString("0.00", CultureInfo.InvariantCulture))} | {b.N} | {b.Hits} | {b.Accuracy:0.000} | {b.MeanConfidence:0.000} |\n");
        }

        md.Append(CultureInfo.InvariantCulture,
            $"\n{Answered} answered, {Refused} refused; expected calibration error {ExpectedCalibrationError:0.000}; wrong answers with confidence >= 0.95: {ConfidentWrong}\n");
        return md.ToString();
    }
}
