using Spectre.Console;
using VisualAgent.Cli.Hosting;
using VisualAgent.Hosting.ServingCheck;
using VisualAgent.Models.Serving;

namespace VisualAgent.Cli.Commands;

/// <summary>How `doctor --check-model` and `bench run` print a serving self-check.</summary>
internal static class ServingCheckOutput
{
    public static object ToJson(ServingCheckReport report) => new
    {
        profile = report.Profile,
        simulated = report.Simulated,
        verdict = report.Diagnosis.Verdict.ToString().ToLowerInvariant(),
        problem = report.Diagnosis.Problem.ToString(),
        message = report.Diagnosis.Message,
        fix = report.Diagnosis.Fix,
        answered = report.Diagnosis.Answered,
        missed = report.Diagnosis.Missed,
        fit = new { x = new { scale = report.Diagnosis.X.Scale, offset = report.Diagnosis.X.Offset }, y = new { scale = report.Diagnosis.Y.Scale, offset = report.Diagnosis.Y.Offset } },
        rms_px = report.Diagnosis.RmsPx,
        hypotheses_rms_px = report.Diagnosis.Hypotheses,
        targets = report.Observations.Select(o => new
        {
            target = o.Target,
            image = o.Original.ToString(),
            sent = o.Sent.ToString(),
            truth = new[] { o.Truth.X, o.Truth.Y },
            answer = o.Predicted is { } p ? new[] { p.X, p.Y } : null,
        }),
        seconds = report.Duration.TotalSeconds,
    };

    /// <summary>One line for the verdict (stdout), the fix under it.</summary>
    public static void Print(ServingCheckReport report, IAnsiConsole console)
    {
        var d = report.Diagnosis;
        var (colour, word) = d.Verdict switch
        {
            ServingVerdict.Pass => ("green", "serving check passed"),
            ServingVerdict.Misconfigured => ("red", "serving is misconfigured"),
            _ => ("yellow", "serving check inconclusive"),
        };
        console.MarkupLineInterpolated($"[bold {colour}]{word}[/] for [blue]{report.Profile}[/]{(report.Simulated ? " (simulated server)" : "")}: {d.Message}");
        if (d.Fix is { Length: > 0 } fix)
        {
            console.MarkupLineInterpolated($"  what to set: {fix}");
        }

        console.MarkupLineInterpolated($"  [grey]{d.Answered} of {d.Answered + d.Missed} golden targets answered in {report.Duration.TotalSeconds:0.0} s[/]");
    }
}
