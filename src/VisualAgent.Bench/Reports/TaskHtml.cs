using System.Net;
using System.Text;
using VisualAgent.Bench.Scoring;
using VisualAgent.Bench.Tasks;

namespace VisualAgent.Bench.Reports;

/// <summary>
/// report.html's tasks sections: per model, the agent's verdicts against the app's truth (false successes in their own
/// highlighted column); then one row per task and model with its instruction as it was read, false successes
/// highlighted.
/// </summary>
internal static class TaskHtml
{
    public static void Tables(StringBuilder html, BenchSummary summary, IReadOnlyList<SampleResult> results)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(results);
        html.Append("<h2>Tasks: the agent's verdict against the app's truth</h2>")
            .Append("<table id=\"task-models\"><tr><th>model</th><th>success (truth true)</th><th class=\"fs\">false successes</th><th>false failures</th><th>verdict succeeded</th>")
            .Append("<th>read / refused by the grammar</th><th>refused share</th><th>not run</th><th>step p50 / p95 ms</th><th>causes</th></tr>");
        foreach (var m in summary.Models)
        {
            var t = m.Tasks;
            html.Append("<tr><td>").Append(E(Fmt.Name(m))).Append("</td><td>").Append(t is null ? "" : $"{t.Truth.GetValueOrDefault("true")} / {m.N}")
                .Append("</td><td").Append(m.FalseSuccesses > 0 ? " class=\"fs\"" : "").Append('>').Append(m.FalseSuccesses ?? 0)
                .Append("</td><td>").Append(m.FalseFailures ?? 0).Append("</td><td>").Append(t?.Verdicts.GetValueOrDefault("succeeded"))
                .Append("</td><td>").Append(t?.Read).Append(" / ").Append(t?.RefusedByGrammar).Append("</td><td>").Append(Fmt.F(t?.RefusedShare, "0.00"))
                .Append("</td><td>").Append(t?.NotRun).Append("</td><td>").Append(Fmt.Ms(t?.StepMs?.P50)).Append(" / ").Append(Fmt.Ms(t?.StepMs?.P95))
                .Append("</td><td>").Append(E(Fmt.Failures(m))).Append("</td></tr>");
        }

        html.Append("</table>");
        var rows = results.Where(r => r.Verdict is not null).OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Model, StringComparer.Ordinal).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        html.Append("<h2>Tasks one by one</h2><table id=\"task-samples\"><tr><th>task</th><th>app</th><th>model</th><th>verdict</th><th>truth</th>")
            .Append("<th class=\"fs\">false success</th><th>false failure</th><th>cause</th><th>steps</th><th>instruction</th></tr>");
        foreach (var r in rows)
        {
            var falseSuccess = r.FalseSuccess == true;
            html.Append(falseSuccess ? "<tr class=\"fsrow\">" : "<tr>").Append("<td>").Append(E(r.Id)).Append("</td><td>").Append(E(r.Groups.GetValueOrDefault("app") ?? ""))
                .Append("</td><td>").Append(E(r.Model)).Append(r.Simulated ? "<span class=\"sim\">simulated</span>" : "")
                .Append("</td><td>").Append(TaskCauses.Name(r.Verdict!.Value)).Append("</td><td>").Append(r.Truth is { } t ? TaskCauses.Name(t) : "")
                .Append(falseSuccess ? "</td><td class=\"fs\">FALSE SUCCESS" : "</td><td>").Append("</td><td>").Append(r.FalseFailure == true ? "false failure" : "")
                .Append("</td><td>").Append(E(r.Cause ?? "")).Append("</td><td>").Append(r.Steps)
                .Append("</td><td class=\"wrap\">").Append(E(r.Prompt ?? "")).Append(r.Goal is null ? "" : "<br><span class=\"note\">steps: " + E(r.Goal) + "</span>")
                .Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
