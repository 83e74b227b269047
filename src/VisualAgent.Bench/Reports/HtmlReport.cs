using System.Net;
using System.Text;
using VisualAgent.Bench.Scoring;
using VisualAgent.Bench.Tasks;

namespace VisualAgent.Bench.Reports;

/// <summary>
/// report.html: one self-contained page (inline CSS, inline SVG, base64 images; no script, no network): the models
/// table (for tasks: false successes highlighted, then verdict against truth per model and per task), score per model
/// with 95 % whiskers, score per group, latency distributions, score vs latency, failures per model.
/// </summary>
internal static class HtmlReport
{
    private const string Css = """
        body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}
        table{border-collapse:collapse;margin:8px 0 16px}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;font-size:13px}
        th{background:#f3f3f3}.sim{display:inline-block;background:#fde68a;color:#7a5200;border-radius:8px;padding:0 6px;font-size:11px;margin-left:4px}
        .note{color:#555;font-size:13px}.gallery{display:flex;flex-wrap:wrap;gap:12px}.gallery figure{margin:0;width:340px;font-size:12px}
        .gallery img{width:340px;border:1px solid #ccc}h2{margin-top:28px}svg{max-width:100%;height:auto}
        td.fs,th.fs{background:#fde2e2;color:#8a1010;font-weight:bold}tr.fsrow td{background:#fde2e2}
        .banner{padding:8px 12px;border-radius:6px;font-size:15px;margin:12px 0}.banner.bad{background:#b91c1c;color:#fff;font-weight:bold}
        .banner.good{background:#e7f5ea;color:#1d5e2c}.banner.warn{background:#fff4d6;color:#6b4a00}td.wrap{max-width:420px;overflow-wrap:anywhere}
        .tabs>input{position:absolute;opacity:0;pointer-events:none}.tabs>label{display:inline-block;padding:4px 10px;margin:0 4px 8px 0;border:1px solid #ccc;border-radius:6px;cursor:pointer;font-size:13px}
        .tabs>.panel{display:none}.gallery figcaption{overflow-wrap:anywhere}
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

        if (summary.FalseSuccesses is { } falseSuccesses)
        {
            html.Append(falseSuccesses > 0
                ? $"<p class=\"banner bad\" id=\"false-successes\">FALSE SUCCESSES: {falseSuccesses} — the agent said succeeded on {falseSuccesses} task{(falseSuccesses == 1 ? "" : "s")} the app says were not done.</p>"
                : "<p class=\"banner good\" id=\"false-successes\">False successes: 0 — every task the agent called succeeded was done.</p>");
        }

        foreach (var warning in summary.Warnings)
        {
            html.Append("<p class=\"banner warn\">").Append(E(warning)).Append("</p>");
        }

        ModelsTable(html, summary);
        if (summary.FalseSuccesses is not null)
        {
            TaskHtml.Tables(html, summary, results);
        }

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
        Gallery(html, results, [.. summary.Models.Select(m => m.Model)]);
        html.Append("<p class=\"note\">Generated ").Append(E(summary.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture))).Append(" by visual-agent bench run.</p></body></html>");
        return html.ToString();
    }

    private static void ModelsTable(StringBuilder html, BenchSummary summary)
    {
        var tasks = summary.FalseSuccesses is not null;
        html.Append("<table><tr><th>model</th><th>status</th><th>score</th><th>95 % CI</th><th>n</th>")
            .Append(tasks ? "<th class=\"fs\">false successes</th><th>false failures</th>" : "")
            .Append("<th>latency p50 / p95 ms</th><th>TTFT p50 ms</th><th>tokens prompt / completion / image</th><th>cost</th><th>GPU peak</th><th>failures</th></tr>");
        foreach (var m in summary.Models)
        {
            html.Append("<tr><td>").Append(E(m.Model)).Append(m.Simulated ? "<span class=\"sim\">simulated</span>" : "").Append("</td><td>").Append(E(m.Status))
                .Append(m.Message is null ? "" : "<br><span class=\"note\">" + E(m.Message) + "</span>")
                .Append("</td><td>").Append(Fmt.F(m.Score)).Append("</td><td>").Append(Fmt.Ci(m.Ci95)).Append("</td><td>").Append(m.N)
                .Append(tasks ? $"</td><td{(m.FalseSuccesses > 0 ? " class=\"fs\"" : "")}>{m.FalseSuccesses ?? 0}</td><td>{m.FalseFailures ?? 0}" : "")
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

    /// <summary>Failures per model, one tab each (CSS only: radio buttons and labels, no script), so every model's failures can be reached.</summary>
    private static void Gallery(StringBuilder html, IReadOnlyList<SampleResult> results, IReadOnlyList<string> models)
    {
        var sections = FailureGallery.ByModel(results, models).Where(s => s.Total > 0).ToList();
        html.Append("<h2>Failures</h2>");
        if (sections.Count == 0)
        {
            html.Append("<p class=\"note\">No failures.</p>");
            return;
        }

        var tasks = results.Any(r => r.Verdict is not null);
        html.Append("<p class=\"note\">").Append(tasks
            ? "Each task the agent did not do, or did not say it did (false successes first), with the screen as its run ended."
            : "Red box: the truth; red cross: the predicted point; blue box: the predicted box.").Append(" Up to ").Append(FailureGallery.MaxItems).Append(" per model; pick a model:</p>");
        html.Append("<style>");
        for (var i = 0; i < sections.Count; i++)
        {
            html.Append(Inv($"#gal{i}:checked~#galp{i}{{display:block}}#gal{i}:checked+label{{background:#222;color:#fff;border-color:#222}}"));
        }

        html.Append("</style><div class=\"tabs\">");
        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            html.Append(Inv($"<input type=\"radio\" name=\"gallery\" id=\"gal{i}\"{(i == 0 ? " checked" : "")}><label for=\"gal{i}\">"))
                .Append(E(section.Model)).Append(section.Simulated ? " (simulated)" : "").Append(": ").Append(section.Total).Append(section.Total == 1 ? " failure" : " failures").Append("</label>");
        }

        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            html.Append(Inv($"<div class=\"panel\" id=\"galp{i}\">"));
            if (section.Total > section.Items.Count)
            {
                html.Append("<p class=\"note\">The first ").Append(section.Items.Count).Append(" of ").Append(section.Total).Append(" shown (samples.csv lists them all).</p>");
            }

            html.Append("<div class=\"gallery\">");
            foreach (var item in section.Items)
            {
                Figure(html, item);
            }

            html.Append("</div></div>");
        }

        html.Append("</div>");
    }

    private static void Figure(StringBuilder html, FailureGallery.Item item)
    {
        var r = item.Result;
        html.Append("<figure>");
        if (item.PngBase64 is { } png)
        {
            html.Append("<img alt=\"").Append(E(r.Id)).Append("\" src=\"data:image/png;base64,").Append(png).Append("\">");
        }

        var verdict = r.Verdict is { } v ? $" verdict {TaskCauses.Name(v)}, truth {(r.Truth is { } t ? TaskCauses.Name(t) : "?")}" : " score " + Fmt.F(r.Score);
        html.Append("<figcaption>").Append(r.FalseSuccess == true ? "<span class=\"banner bad\">FALSE SUCCESS</span> " : "")
            .Append("<b>").Append(E(r.Model)).Append(r.Simulated ? "<span class=\"sim\">simulated</span>" : "").Append("</b> ").Append(E(r.Id))
            .Append(E(verdict)).Append(r.Cause is null ? "" : " (" + E(r.Cause) + ")")
            .Append(r.Prompt is null ? "" : "<br>\u201c" + E(Cut(r.Prompt)) + "\u201d")
            .Append(r.Goal is null ? "" : "<br>steps: " + E(Cut(r.Goal)))
            .Append(r.Prediction is null || r.Verdict is not null ? "" : "<br>predicted: " + E(Cut(r.Prediction)))
            .Append(r.Error is null ? "" : "<br><span class=\"note\">" + E(Cut(r.Error)) + "</span>")
            .Append("</figcaption></figure>");
    }

    private static string Inv(FormattableString s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Cut(string text) => text.Length > 200 ? text[..200] + "..." : text;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
