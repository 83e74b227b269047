using System.Text;
using VisualAgent.Bench.Scoring;
using VisualAgent.Bench.Tasks;

namespace VisualAgent.Bench.Reports;

/// <summary>summary.md: the models table, then per-group breakdowns (micro and macro named), failures and notes.</summary>
internal static class MarkdownReport
{
    public static string Render(BenchSummary summary, IReadOnlyList<SampleResult>? results = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var tasks = summary.FalseSuccesses is not null;
        var md = new StringBuilder();
        md.AppendLine($"# Bench: {summary.Suite} ({summary.Kind})").AppendLine();
        md.AppendLine($"Headline: **{summary.Metric}**, mean over samples (micro), 0..1, with a 95 % bootstrap interval (1000 resamples). {summary.Samples} samples; {summary.SkippedInput} input entries skipped.");
        if (summary.Rule is { } rule)
        {
            md.AppendLine().AppendLine($"Rule: {rule}.");
        }

        foreach (var warning in summary.Warnings)
        {
            md.AppendLine().AppendLine($"**{Esc(warning)}**");
        }

        if (tasks)
        {
            md.AppendLine().AppendLine(summary.FalseSuccesses > 0
                ? $"**FALSE SUCCESSES: {summary.FalseSuccesses}** (the agent said succeeded, the app says the task was not done). Mode: {summary.Mode}."
                : $"False successes: **0**. Mode: {summary.Mode}.");
        }

        md.AppendLine();
        var judged = summary.Models.Any(m => m.Judge is not null);
        md.AppendLine("| model | status | score | 95 % CI | n | latency p50 / p95 ms | TTFT p50 ms | tokens prompt / completion / image | cost | GPU peak | failures |" + (judged ? " judge 1-5 (apart) |" : ""));
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|" + (judged ? "---|" : ""));
        foreach (var m in summary.Models)
        {
            md.AppendLine($"| {Esc(Fmt.Name(m))} | {m.Status} | {Fmt.F(m.Score)} | {Fmt.Ci(m.Ci95)} | {m.N} | {Fmt.Ms(m.LatencyMs?.P50)} / {Fmt.Ms(m.LatencyMs?.P95)} | {Fmt.Ms(m.TtftMs?.P50)} "
                + $"| {m.Tokens.Prompt} / {m.Tokens.Completion} / {m.Tokens.Image} | {(m.Cost is { } c ? Fmt.F(c.Amount, "0.0000") : "")} | {m.GpuPeakMemory} | {Esc(Fmt.Failures(m))} |"
                + (judged ? $" {Esc(Fmt.Judge(m))} |" : ""));
        }

        if (tasks)
        {
            TaskSections(md, summary, results ?? []);
        }

        var messages = summary.Models.Where(m => m.Message is not null).ToList();
        if (messages.Count > 0)
        {
            md.AppendLine();
            foreach (var m in messages)
            {
                md.AppendLine($"- **{Esc(Fmt.Name(m))}** ({m.Status}): {Esc(m.Message!)}");
            }
        }

        foreach (var m in summary.Models.Where(m => m.Metrics.Count > 0 || m.Breakdowns.Count > 0))
        {
            md.AppendLine().AppendLine($"## {Esc(Fmt.Name(m))}: further figures").AppendLine();
            if (m.Metrics.Count > 0)
            {
                md.AppendLine(string.Join(", ", m.Metrics.Select(x => $"{x.Key} {Fmt.F(x.Value, "0.0000")}")));
            }

            foreach (var b in m.Breakdowns)
            {
                md.AppendLine().AppendLine($"### by {Esc(b.Name)}").AppendLine();
                md.AppendLine("| cell | n | score |").AppendLine("|---|---|---|");
                foreach (var c in b.Cells)
                {
                    md.AppendLine($"| {Esc(c.Label)} | {c.N} | {Fmt.F(c.Score)} |");
                }

                md.AppendLine($"| **micro** (mean over samples) | {m.N} | {Fmt.F(b.Micro)} |");
                md.AppendLine($"| **macro** (mean over {b.Cells.Count} cells) | {b.Cells.Count} | {Fmt.F(b.Macro)} |");
            }
        }

        if (summary.InputIssues.Count > 0)
        {
            md.AppendLine().AppendLine("## Skipped input").AppendLine();
            foreach (var issue in summary.InputIssues.Take(50))
            {
                md.AppendLine($"- {Esc(issue.ToString())}");
            }
        }

        if (summary.Notes.Count > 0)
        {
            md.AppendLine().AppendLine("## Notes").AppendLine();
            foreach (var note in summary.Notes)
            {
                md.AppendLine($"- {Esc(note)}");
            }
        }

        return md.ToString();
    }

    /// <summary>Tasks: verdict and truth per model (false successes and false failures first), then one row per task.</summary>
    private static void TaskSections(StringBuilder md, BenchSummary summary, IReadOnlyList<SampleResult> results)
    {
        md.AppendLine().AppendLine("## Tasks: the agent's verdict against the app's truth").AppendLine();
        md.AppendLine("| model | success (truth true) | **false successes** | false failures | verdict succeeded | read / refused by the grammar | refused share | not run | step p50 / p95 ms | causes |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var m in summary.Models)
        {
            var t = m.Tasks;
            var fs = m.FalseSuccesses ?? 0;
            md.AppendLine($"| {Esc(Fmt.Name(m))} | {(t is null ? "" : $"{t.Truth.GetValueOrDefault("true")} / {m.N}")} | {(fs > 0 ? $"**{fs}**" : "0")} | {m.FalseFailures ?? 0} "
                + $"| {t?.Verdicts.GetValueOrDefault("succeeded")} | {t?.Read} / {t?.RefusedByGrammar} | {Fmt.F(t?.RefusedShare, "0.00")} | {t?.NotRun} | {Fmt.Ms(t?.StepMs?.P50)} / {Fmt.Ms(t?.StepMs?.P95)} | {Esc(Fmt.Failures(m))} |");
        }

        if (results.Count == 0)
        {
            return;
        }

        md.AppendLine().AppendLine("### Per task").AppendLine();
        md.AppendLine("| task | app | model | verdict | truth | cause | instruction |").AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in results.Where(r => r.Verdict is not null).OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Model, StringComparer.Ordinal))
        {
            var cause = r.FalseSuccess == true ? "**FALSE SUCCESS**" : r.FalseFailure == true ? $"false failure ({r.Cause})" : r.Cause ?? "";
            md.AppendLine($"| {Esc(r.Id)} | {Esc(r.Groups.GetValueOrDefault("app") ?? "")} | {Esc(r.Model)} | {TaskCauses.Name(r.Verdict!.Value)} | {(r.Truth is { } t ? TaskCauses.Name(t) : "")} | {Esc(cause)} | {Esc(r.Prompt ?? "")} |");
        }
    }

    private static string Esc(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
