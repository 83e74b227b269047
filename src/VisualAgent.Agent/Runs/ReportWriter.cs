using System.Globalization;
using System.Net;
using System.Text;
using VisualAgent.Actions;
using VisualAgent.Runs;

namespace VisualAgent.Agent.Runs;

/// <summary>
/// report.html: one self-contained page per run (inline CSS; screenshots by relative path into shots/, which travel
/// with the folder). Header: status, reason, goal, totals. Per step: the screenshot with the acted point marked,
/// the description, the model's raw reply, the action JSON, outcome, error and timings. The caller masks secrets.
/// </summary>
public static class ReportWriter
{
    public static string Render(RunRecord run, IReadOnlyList<StepRecord> steps)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(steps);
        var sb = new StringBuilder(4096 + (steps.Count * 1024));
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Run ").Append(E(run.Id)).Append("</title>\n<style>")
            .Append(Css).Append("</style></head><body>\n");
        sb.Append("<header><h1>Run ").Append(E(run.Id)).Append(" <span class=\"status ").Append(E(Status(run.Status))).Append("\">")
            .Append(E(Status(run.Status))).Append("</span></h1>\n<dl>");
        Row(sb, "Goal", run.Goal);
        Row(sb, "Reason", run.Reason);
        Row(sb, "Summary", run.Summary);
        Row(sb, "Checks", run.FailedChecks + run.WeakChecks > 0 ? $"{run.FailedChecks} failed, {run.WeakChecks} weak (a weak check saw a reaction, not the intended effect)" : null);
        Row(sb, "Answer", run.Answer);
        Row(sb, "Start URL", run.StartUrl);
        Row(sb, "Model", run.Model + (run.Simulated ? " (simulated)" : ""));
        Row(sb, "Driver", run.Driver);
        Row(sb, "Started", run.StartedAt.ToString("u", CultureInfo.InvariantCulture));
        Row(sb, "Totals", FormattableString.Invariant(
            $"{run.Steps} steps, {run.ModelCalls} model calls, {run.Tokens.TotalTokens} tokens, {run.DurationMs / 1000:0.0} s"));
        if (run.Downloads.Count > 0)
        {
            Row(sb, "Downloads", string.Join(", ", run.Downloads));
        }

        sb.Append("</dl></header>\n");
        foreach (var step in steps)
        {
            Step(sb, step);
        }

        if (run.FinalScreenshot is { } final)
        {
            sb.Append("<section class=\"step final\"><h2>Final screen</h2><div class=\"body\"><div class=\"shot\"><a href=\"").Append(E(final))
                .Append("\"><img loading=\"lazy\" src=\"").Append(E(final)).Append("\" alt=\"the screen as the run ended\"></a></div></div></section>\n");
        }

        return sb.Append("</body></html>\n").ToString();
    }

    private static void Step(StringBuilder sb, StepRecord step)
    {
        sb.Append("<section class=\"step ").Append(E(step.Outcome.Name())).Append("\"><h2>").Append(step.Index).Append(". ")
            .Append(E(step.Description ?? step.Action?.Name ?? "step")).Append(" <span class=\"outcome\">").Append(E(step.Outcome.Name()))
            .Append("</span></h2>\n<div class=\"body\">");
        var shot = step.AnnotatedScreenshot ?? step.Screenshot;
        if (shot is not null)
        {
            sb.Append("<div class=\"shot\"><a href=\"").Append(E(shot)).Append("\"><img loading=\"lazy\" src=\"").Append(E(shot))
                .Append("\" alt=\"screenshot of step ").Append(step.Index).Append("\"></a>");
            if (step.AnnotatedScreenshot is null && step.Action?.Target is { } p && step.ScreenshotSize is { IsEmpty: false } size)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<span class=\"mark\" style=\"left:{p.X * 100 / size.Width:0.##}%;top:{p.Y * 100 / size.Height:0.##}%\"></span>");
            }

            sb.Append("</div>");
        }

        sb.Append("<dl>");
        if (step.Action is { } action)
        {
            Row(sb, "Action", ActionJson.Serialize(action), code: true);
        }

        Row(sb, "Found by", step.Grounding);
        Row(sb, "Check", step.Check?.ToString());
        Row(sb, "Element", step.Element is { } el ? $"{el.Role} \"{el.Name ?? el.Text}\" {el.Locator}" : null);
        if (step.Crop is { } crop)
        {
            // The element as it looked when acted on (cut from the masked screenshot), small, beside its facts.
            sb.Append("<dt>Element as seen</dt><dd><a href=\"").Append(E(crop)).Append("\"><img class=\"crop\" loading=\"lazy\" src=\"")
                .Append(E(crop)).Append("\" alt=\"the element acted on in step ").Append(step.Index).Append("\"></a></dd>");
        }

        Row(sb, "Error", step.Error);
        Row(sb, "Model reply", step.RawReply, code: true);
        Row(sb, "Timings", FormattableString.Invariant(
            $"total {step.TotalMs:0} ms, model {step.ModelMs:0} ms, act {step.ActMs:0} ms{(step.ScreenChange is { } c ? $", screen change {c:P1}" : "")}"));
        sb.Append("</dl></div></section>\n");
    }

    private static void Row(StringBuilder sb, string name, string? value, bool code = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        sb.Append("<dt>").Append(name).Append("</dt><dd>").Append(code ? "<pre>" : "").Append(E(value)).Append(code ? "</pre>" : "").Append("</dd>");
    }

    private static string Status(RunStatus status) => status.ToString().ToLowerInvariant();

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css =
        "body{font:15px/1.45 system-ui,sans-serif;margin:24px;color:#1d2330;background:#f6f7f9}"
        + "header,section{background:#fff;border:1px solid #d8dce3;border-radius:8px;padding:14px 18px;margin-bottom:16px}"
        + "h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:0 0 10px}"
        + "dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:4px 14px;margin:0}dt{font-weight:600;color:#4a5568}dd{margin:0;min-width:0}"
        // Ids, URLs, locators and error messages can be one long word: they wrap anywhere rather than leave their box.
        + "h1,h2,dd,pre{overflow-wrap:anywhere}"
        + "pre{white-space:pre-wrap;margin:0;background:#f1f3f6;padding:6px 8px;border-radius:4px;font-size:13px}"
        + ".status,.outcome{font-size:13px;padding:2px 8px;border-radius:10px;background:#e2e8f0;vertical-align:middle}"
        + ".succeeded,.ok .outcome{background:#d4f5dc}.failed,.failed .outcome{background:#fdd9d9}.blocked,.blocked .outcome{background:#fde9c4}"
        + ".running{background:#dbe7ff}.body{display:grid;grid-template-columns:minmax(0,560px) minmax(0,1fr);gap:16px;align-items:start}"
        + "@media (max-width:900px){body{margin:12px}.body{grid-template-columns:minmax(0,1fr)}}"
        + ".crop{max-width:240px;max-height:120px;border:1px solid #d8dce3;display:block}"
        + ".shot{position:relative}.shot img{width:100%;border:1px solid #d8dce3;display:block}"
        + ".mark{position:absolute;width:18px;height:18px;margin:-11px 0 0 -11px;border:3px solid #e0115f;border-radius:50%;box-shadow:0 0 0 2px #fff}";
}
