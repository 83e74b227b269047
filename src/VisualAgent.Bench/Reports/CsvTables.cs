using CsvHelper;
using VisualAgent.Bench.Scoring;
using VisualAgent.Bench.Tasks;

namespace VisualAgent.Bench.Reports;

/// <summary>CSV tables (CsvHelper): one row per model, per group cell, per sample. Numbers are invariant; scores 0..1.</summary>
internal static class CsvTables
{
    /// <summary>One row per model; a tasks suite adds false_successes and false_failures (and the verdict figures) after n.</summary>
    public static string Models(BenchSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var tasks = summary.FalseSuccesses is not null;
        string[] taskHeader = tasks
            ? ["false_successes", "false_failures", "verdict_succeeded", "truth_true", "read", "refused_by_grammar", "refused_share", "not_run", "step_ms_p50", "step_ms_p95"]
            : [];
        return Table(
            ["model", "simulated", "status", "score", "ci95_low", "ci95_high", "n", .. taskHeader, "pending", "latency_p50_ms", "latency_p95_ms", "ttft_p50_ms",
                "prompt_tokens", "completion_tokens", "image_tokens", "cost", "gpu_peak_memory", "wrong_format", "failures", "message",
                "judge_profile", "judge_mean", "judge_ci95_low", "judge_ci95_high", "judge_n", "judge_simulated", "judge_unparsed"],
            summary.Models.Select(m => (string[])[
                m.Model, m.Simulated ? "true" : "false", m.Status, Fmt.F(m.Score, "0.000000"), Fmt.F(m.Ci95?[0], "0.000000"), Fmt.F(m.Ci95?[1], "0.000000"),
                Fmt.N(m.N), .. tasks ? TaskCells(m) : [], Fmt.N(m.Pending), Fmt.Ms(m.LatencyMs?.P50), Fmt.Ms(m.LatencyMs?.P95), Fmt.Ms(m.TtftMs?.P50),
                Fmt.N(m.Tokens.Prompt), Fmt.N(m.Tokens.Completion), Fmt.N(m.Tokens.Image), Fmt.F(m.Cost?.Amount, "0.000000"), m.GpuPeakMemory,
                Fmt.N(m.WrongFormat), Fmt.Failures(m), m.Message ?? "",
                m.Judge?.Profile ?? "", Fmt.F(m.Judge?.Mean, "0.000000"), Fmt.F(m.Judge?.Ci95?[0], "0.000000"), Fmt.F(m.Judge?.Ci95?[1], "0.000000"),
                m.Judge is { } j ? Fmt.N(j.N) : "", m.Judge is null ? "" : m.Judge.Simulated ? "true" : "false", m.Judge is { } u ? Fmt.N(u.Unparsed) : ""]));
    }

    private static string[] TaskCells(ModelSummary m)
    {
        var t = m.Tasks;
        return [
            Fmt.N(m.FalseSuccesses ?? 0), Fmt.N(m.FalseFailures ?? 0), t is null ? "" : Fmt.N(t.Verdicts.GetValueOrDefault("succeeded")), t is null ? "" : Fmt.N(t.Truth.GetValueOrDefault("true")),
            t is null ? "" : Fmt.N(t.Read), t is null ? "" : Fmt.N(t.RefusedByGrammar), Fmt.F(t?.RefusedShare, "0.000"), t is null ? "" : Fmt.N(t.NotRun),
            Fmt.Ms(t?.StepMs?.P50), Fmt.Ms(t?.StepMs?.P95)];
    }

    /// <summary>Columns: model, simulated, breakdown, cell, n, score; plus a micro and a macro row per breakdown.</summary>
    public static string Groups(BenchSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var rows = new List<string[]>();
        foreach (var m in summary.Models)
        {
            foreach (var b in m.Breakdowns)
            {
                rows.AddRange(b.Cells.Select(c => (string[])[m.Model, Sim(m), b.Name, c.Label, Fmt.N(c.N), Fmt.F(c.Score, "0.000000")]));
                rows.Add([m.Model, Sim(m), b.Name, "(micro: mean over samples)", Fmt.N(m.N), Fmt.F(b.Micro, "0.000000")]);
                rows.Add([m.Model, Sim(m), b.Name, "(macro: mean over cells)", Fmt.N(b.Cells.Count), Fmt.F(b.Macro, "0.000000")]);
            }
        }

        return Table(["model", "simulated", "breakdown", "cell", "n", "score"], rows);
    }

    /// <summary>One row per (model, sample); tasks add the verdict, the truth, false_success / false_failure and the instruction.</summary>
    public static string Samples(IReadOnlyList<SampleResult> results, bool tasks = false)
    {
        ArgumentNullException.ThrowIfNull(results);
        string[] taskHeader = tasks ? ["verdict", "truth", "false_success", "false_failure"] : [];
        string[] taskTail = tasks ? ["instruction", "goal", "steps", "failed_checks", "weak_checks", "step_ms_p50", "run_folder"] : [];
        return Table(
            ["model", "id", "simulated", "status", .. taskHeader, "cause", "score", "latency_ms", "ttft_ms", "prompt_tokens", "completion_tokens", "pred_point", "pred_bbox", "gt_bbox", "prediction", "groups", .. taskTail],
            results.OrderBy(r => r.Model, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => (string[])[
                r.Model, r.Id, r.Simulated ? "true" : "false", r.Status, .. tasks ? TaskHead(r) : [], r.Cause ?? "", Fmt.F(r.Score, "0.000000"), Fmt.Ms(r.LatencyMs), Fmt.Ms(r.TtftMs),
                Fmt.N(r.PromptTokens), Fmt.N(r.CompletionTokens), Coords(r.PredPoint), Coords(r.PredBox), Coords(r.TruthBox), r.Prediction ?? "",
                string.Join("; ", r.Groups.Select(g => $"{g.Key}={g.Value}")), .. tasks ? TaskTail(r) : []]));
    }

    private static string[] TaskHead(SampleResult r) =>
        [r.Verdict is { } v ? TaskCauses.Name(v) : "", r.Truth is { } t ? TaskCauses.Name(t) : "", Bool(r.FalseSuccess), Bool(r.FalseFailure)];

    private static string[] TaskTail(SampleResult r) =>
        [r.Prompt ?? "", r.Goal ?? "", r.Steps is { } s ? Fmt.N(s) : "", r.FailedChecks is { } f ? Fmt.N(f) : "", r.WeakChecks is { } w ? Fmt.N(w) : "",
            r.StepMs is { Length: > 0 } ms ? Fmt.Ms(Metrics.Percentiles.Of(ms, 50)) : "", r.RunFolder ?? ""];

    private static string Bool(bool? b) => b is { } x ? (x ? "true" : "false") : "";

    private static string Sim(ModelSummary m) => m.Simulated ? "true" : "false";

    private static string Coords(double[]? values) => values is null ? "" : string.Join(" ", values.Select(v => Fmt.F(v, "0.##")));

    private static string Table(string[] header, IEnumerable<string[]> rows)
    {
        using var writer = new StringWriter();
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions(), true))
        {
            csv.WriteRecord(header);
            foreach (var row in rows)
            {
                csv.WriteRecord(row);
            }

            csv.Flush();
        }

        return writer.ToString();
    }
}
