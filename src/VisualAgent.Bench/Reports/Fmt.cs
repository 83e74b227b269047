using System.Globalization;

namespace VisualAgent.Bench.Reports;

/// <summary>Invariant number formatting for the reports.</summary>
internal static class Fmt
{
    public static string F(double? v, string format = "0.000") => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "";

    public static string N(long v) => v.ToString(CultureInfo.InvariantCulture);

    public static string Ms(double? v) => v is { } x ? x.ToString("0.0", CultureInfo.InvariantCulture) : "";

    public static string Ci(double[]? ci) => ci is [var lo, var hi] ? $"[{F(lo)}, {F(hi)}]" : "";

    /// <summary>The model's name as every report shows it: simulated ones say so.</summary>
    public static string Name(ModelSummary m) => m.Simulated ? m.Model + " (simulated)" : m.Model;

    /// <summary>The judge column: "4.200 [3.9, 4.5] n=10 (simulated), unparsed 1", or "" without a judge.</summary>
    public static string Judge(ModelSummary m) => m.Judge is not { } j
        ? ""
        : $"{(j.Mean is null ? "n/a" : F(j.Mean))} {Ci(j.Ci95)} n={j.N}{(j.Simulated ? " (simulated)" : "")}"
            + (j.Unparsed > 0 ? $", unparsed {j.Unparsed}" : "") + (j.Failed > 0 ? $", failed {j.Failed}" : "");

    public static string Failures(ModelSummary m) =>
        m.Failures.Count == 0 ? "" : string.Join(", ", m.Failures.Select(f => $"{f.Key}: {f.Value}"));
}
