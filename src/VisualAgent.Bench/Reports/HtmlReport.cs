using System.Net;
using System.Text;
using VisualAgent.Bench.Scoring;

namespace VisualAgent.Bench.Reports;

/// <summary>
/// report.html: one self-contained page (inline CSS, inline SVG, base64 images; no script, no network): the models
/// table, score per model with 95 % whiskers, score per group, latency distributions, score vs latency, failures.
/// </summary>
internal static class HtmlReport
{
    private const string Css = """
        body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}
        table{border-collapse:collapse;margin:8px 0 16px}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;font-size:13px}
        th{background:#f3f3f3}.sim{display:inline-block;background:#fde68a;color:#7a5200;border-radius:8px;padding:0 6px;font-size:11px;margin-left:4px}
        .note{color:#555;font-size:13px}.gallery{display:flex;flex-wrap:wrap;gap:12px}.gallery figure{margin:0;width:340px;font-size:12px}
        .gallery img{width:340px;border:1px solid #ccc}h2{margin-top:28px}
        """;

    public static string Render(BenchSummary summary, IReadOnlyList<SampleResult> results)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(results);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bench: ").Append(E(summary.Suite)).Append("</title><style>").Append(Css).Append("</style></head><body>");
        html.Append("<h1>Bench: ").Append(E(summary.Suite)).Append(" <small>(").Append(E(summary.Kind)).Append(")</small></h1>");
        html.Append("<p class=\"note\">Headline: <b>").Append(E(summary.Metric)).Append("</b>, the mean over samples (micro), 0..1, with a 95 % bootstrap interval. ")
            .Append(summary.Samples).Append(" samples; ").Append(summary.SkippedInput).Append(" input entries skipped.</p>");
        if (summary.Rule is { } rule)
        {
            html.Append("<p class=\"note\">Rule: ").Append(E(rule)).Append(".</p>");
        }

        foreach (var note in summary.Notes)
        {
            html.Append("<p class=\"note\">").Append(E(note)).Append("</p>");
        }

        ModelsTable(html, summary);
        foreach (var m in summary.Models.Where(m => m.Judge is not null))
        {
            html.Append("<p class=\"note\">Judge 1-5 rubric (").Append(E(m.Judge!.Profile)).Append(", apart from the headline) for ").Append(E(Fmt.Name(m))).Append(": ")
                .Append(E(Fmt.Judge(m))).Append("</p>");
        }

        html.Append("<h2>Score per model</h2>").Append(SvgCharts.Bars("Score per model with 95 % interval",
            [.. summary.Models.Select(m => new BarItem(m.Model, m.Score, m.Ci95?[0], m.Ci95?[1], m.Simulated, m.Score is null ? m.Status.Replace('_', ' ') : null))]));
        Groups(html, summary);
        var withLatency = summary.Models.Where(m => m.LatencyMs is not null).ToList();
        html.Append("<h2>Latency per sample</h2><p class=\"note\">Box: p25-p75, line: median, whiskers: p5-p95.</p>").Append(SvgCharts.BoxPlots("Latency per sample (ms)",
            [.. withLatency.Select(m => (Fmt.Name(m), (IReadOnlyList<double>)[.. results.Where(r => r.Model == m.Model && r.Cause is null or "wrong_format" or "not_found").Select(r => r.LatencyMs)]))]));
        html.Append("<h2>Score vs latency</h2>").Append(SvgCharts.Scatter("Score vs median latency",
            [.. withLatency.Where(m => m.Score is not null).Select(m => (Fmt.Name(m), m.Score!.Value, m.LatencyMs!.P50))]));
        Gallery(html, results);
        html.Append("<p class=\"note\">Generated ").Append(E(summary.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture))).Append(" by visual-agent bench run.</p></body></html>");
        return html.ToString();
    }

    private static void ModelsTable(StringBuilder html, BenchSummary summary)
    {
        html.Append("<table><tr><th>model</th><th>status</th><th>score</th><th>95 % CI</th><th>n</th><th>latency p50 / p95 ms</th><th>TTFT p50 ms</th><th>tokens prompt / completion / image</th><th>cost</th><th>GPU peak</th><th>failures</th></tr>");
        foreach (var m in summary.Models)
        {
            html.Append("<tr><td>").Append(E(m.Model)).Append(m.Simulated ? "<span class=\"sim\">simulated</span>" : "").Append("</td><td>").Append(E(m.Status))
                .Append(m.Message is null ? "" : "<br><span class=\"note\">" + E(m.Message) + "</span>")
                .Append("</td><td>").Append(Fmt.F(m.Score)).Append("</td><td>").Append(Fmt.Ci(m.Ci95)).Append("</td><td>").Append(m.N)
                .Append("</td><td>").Append(Fmt.Ms(m.LatencyMs?.P50)).Append(" / ").Append(Fmt.Ms(m.LatencyMs?.P95)).Append("</td><td>").Append(Fmt.Ms(m.TtftMs?.P50))
                .Append("</td><td>").Append(m.Tokens.Prompt).Append(" / ").Append(m.Tokens.Completion).Append(" / ").Append(m.Tokens.Image)
                .Append("</td><td>").Append(m.Cost is { } c ? E(Fmt.F(c.Amount, "0.0000") + " (" + c.Basis + ")") : "").Append("</td><td>").Append(E(m.GpuPeakMemory))
                .Append("</td><td>").Append(E(Fmt.Failures(m))).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Groups(StringBuilder html, BenchSummary summary)
    {
        var names = summary.Models.SelectMany(m => m.Breakdowns).Select(b => b.Name).Distinct(StringComparer.Ordinal).Take(4).ToList();
        foreach (var name in names)
        {
            var cells = summary.Models.SelectMany(m => m.Breakdowns.Where(b => b.Name == name)).SelectMany(b => b.Cells).Select(c => c.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(30).ToList();
            var series = summary.Models.Where(m => m.Breakdowns.Any(b => b.Name == name))
                .Select(m => (m.Model, m.Simulated, (IReadOnlyDictionary<string, double>)m.Breakdowns.First(b => b.Name == name).Cells.ToDictionary(c => c.Label, c => c.Score, StringComparer.Ordinal)))
                .ToList();
            html.Append("<h2>Score by ").Append(E(name)).Append("</h2>").Append(SvgCharts.GroupedBars("Score by " + name, cells, series));
            html.Append("<table><tr><th>model</th><th>micro (mean over samples)</th><th>macro (mean over cells)</th></tr>");
            foreach (var m in summary.Models)
            {
                if (m.Breakdowns.FirstOrDefault(b => b.Name == name) is { } b)
                {
                    html.Append("<tr><td>").Append(E(Fmt.Name(m))).Append("</td><td>").Append(Fmt.F(b.Micro)).Append("</td><td>").Append(Fmt.F(b.Macro)).Append("</td></tr>");
                }
            }

            html.Append("</table>");
        }
    }

    private static void Gallery(StringBuilder html, IReadOnlyList<SampleResult> results)
    {
        var items = FailureGallery.Build(results);
        html.Append("<h2>Failures</h2>");
        if (items.Count == 0)
        {
            html.Append("<p class=\"note\">No failures.</p>");
            return;
        }

        html.Append("<p class=\"note\">Red box: the truth; red cross: the predicted point; blue box: the predicted box. First ").Append(FailureGallery.MaxItems).Append(" shown.</p><div class=\"gallery\">");
        foreach (var item in items)
        {
            var r = item.Result;
            html.Append("<figure>");
            if (item.PngBase64 is { } png)
            {
                html.Append("<img alt=\"").Append(E(r.Id)).Append("\" src=\"data:image/png;base64,").Append(png).Append("\">");
            }

            html.Append("<figcaption><b>").Append(E(r.Model)).Append(r.Simulated ? "<span class=\"sim\">simulated</span>" : "").Append("</b> ").Append(E(r.Id))
                .Append(" score ").Append(Fmt.F(r.Score)).Append(r.Cause is null ? "" : " (" + E(r.Cause) + ")")
                .Append(r.Prompt is null ? "" : "<br>\u201c" + E(r.Prompt) + "\u201d")
                .Append(r.Prediction is null ? "" : "<br>predicted: " + E(Cut(r.Prediction)))
                .Append(r.Error is null ? "" : "<br><span class=\"note\">" + E(Cut(r.Error)) + "</span>")
                .Append("</figcaption></figure>");
        }

        html.Append("</div>");
    }

    private static string Cut(string text) => text.Length > 200 ? text[..200] + "..." : text;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
