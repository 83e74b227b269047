using System.Globalization;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Cli.Hosting;
using VisualAgent.Codegen.Replay;
using VisualAgent.Errors;
using VisualAgent.Hosting;

namespace VisualAgent.Cli.Commands;

/// <summary>
/// `replay` of a desktop run: the recorded app command launched again (or --launch), each step found by its element
/// path through the accessibility tree, acted on and checked, then the app's output compared with the recording's.
/// </summary>
internal static class DesktopReplayCommand
{
    public static async Task<int> RunAsync(VerbContext context, RunDetails details, HealMode heal, CancellationToken ct)
    {
        var launch = context.Parse.GetResult(DesktopCommandOptions.LaunchOption) is null ? null : context.Get(DesktopCommandOptions.LaunchOption);
        if (launch is null && details.Run.Settings.GetValueOrDefault("launch") is { Length: > 0 } recorded)
        {
            if (recorded.Contains(SecretMasker.Mask, StringComparison.Ordinal))
            {
                throw new UsageException($"The run's launch command held a secret (recorded masked: {recorded}): give the command again with --launch \"COMMAND\".");
            }

            launch = recorded;
        }

        var masker = new SecretMasker();
        string? Secret(string name)
        {
            var value = Environment.GetEnvironmentVariable(name);
            if (!string.IsNullOrEmpty(value))
            {
                masker.Add(value);
            }

            return value;
        }

        await using var session = await DesktopSession.OpenAsync(DesktopCommandOptions.ReadOptions(context), launch, ct).ConfigureAwait(false);
        if (!session.Driver.HasAccessibility)
        {
            throw new UsageException($"Replaying a desktop run finds its elements through the accessibility tree, and there is none: {session.Driver.AccessibilityStatus}.");
        }

        var request = new DesktopReplayRequest
        {
            Heal = heal,
            Secret = Secret,
            Mask = s => masker.Apply(s) ?? "",
            AppOutput = session.App is not { } app ? null : async (wait, token) =>
            {
                await app.WaitForExitAsync(wait, token).ConfigureAwait(false);
                return new AppOutcome(app.StandardOutput, app.ExitCode);
            },
        };
        var report = await new DesktopReplayRunner(session.Driver).RunAsync(details, request, ct).ConfigureAwait(false);
        var r = report.Replay;
        if (context.Json)
        {
            CliOutput.WriteJson(new
            {
                run = r.RunId, driver = "desktop", succeeded = r.Succeeded, reason = r.Reason, model_calls = r.ModelCalls, cache_hits = r.CacheHits, healed = r.HealedSteps,
                replay_ms = r.TotalMs, original_ms = r.OriginalMs, original_model_calls = r.OriginalModelCalls, diff = report.DiffPath, applied = report.Applied,
                launched = session.App?.Command,
                app_output = report.Output is { } o ? new { held = o.Held, printed = o.Printed, recorded = o.Recorded, summary = o.Summary } : null,
                steps = r.Steps.Select(s => new { index = s.Index, description = s.Description, how = s.How, check = report.Checks.GetValueOrDefault(s.Index), ok = s.Ok, error = s.Error, ms = s.Ms }),
            });
        }
        else
        {
            var table = new Table().AddColumns("#", "step", "found", "check", "ms", "result");
            foreach (var s in r.Steps)
            {
                table.AddRow(s.Index.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.Description), Markup.Escape(s.How), Markup.Escape(report.Checks.GetValueOrDefault(s.Index) ?? ""),
                    s.Ms.ToString("0", CultureInfo.InvariantCulture), Markup.Escape(s.Ok ? "ok" : "failed: " + s.Error));
            }

            CliOutput.Out.Write(table);
            if (report.Output is { } output)
            {
                CliOutput.Out.WriteLine($"app output: {output.Summary}");
            }

            CliOutput.Out.WriteLine($"replay {(r.Succeeded ? "succeeded" : "FAILED: " + r.Reason)}: {r.Steps.Count} steps, {r.CacheHits} cache hits, {r.HealedSteps} healed, {r.ModelCalls} model calls (the run made {r.OriginalModelCalls}); {r.TotalMs / 1000:0.0} s against the run's {r.OriginalMs / 1000:0.0} s");
            if (report.DiffPath is { } diff)
            {
                CliOutput.Out.WriteLine(report.Applied ? $"healed element paths applied to the recording; the diff: {diff}" : $"healed element paths proposed (recording unchanged): {diff}");
            }
        }

        return r.Succeeded ? ExitCodes.Success : ExitCodes.TaskFailed;
    }
}
