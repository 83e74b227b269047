using System.Diagnostics;
using VisualAgent.Actions;
using VisualAgent.Agent.Runs;
using VisualAgent.Codegen.Plans;
using VisualAgent.Drivers;
using VisualAgent.Geometry;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Codegen.Replay;

/// <summary>
/// Replays a recorded desktop run through the desktop driver with no model call: each step's element is found again by
/// its recorded element path (<see cref="DesktopReplayLadder"/>), acted on with the same input the run used, and checked
/// through the accessibility tree (an entry's text, a toggle's state, the window a click closed). When every step held,
/// the launched app's output is compared with the one the run kept (app-output.txt): a replay never says succeeded when
/// a step did not hold or the app printed something else.
/// </summary>
public sealed class DesktopReplayRunner(IUiDriver driver, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<DesktopReplayReport> RunAsync(RunDetails details, DesktopReplayRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(request);
        if (driver is not IElementQuery elements || driver is not IElementPathResolver paths)
        {
            throw new VisualAgent.Errors.UsageException("Replaying a desktop run needs a desktop driver that reads the accessibility tree.");
        }

        RefuseWithoutPaths(details);
        var missing = details.Steps.Where(s => s.Outcome == StepOutcome.Ok && s.Intent?.Value is { } v).SelectMany(s => ScriptText.Parse(s.Intent!.Value!).Parts)
            .Where(p => p.Secret && request.Secret(p.Text) is null).Select(p => p.Text).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new VisualAgent.Errors.UsageException($"Replay needs the environment variable(s) {string.Join(", ", missing)}: the run typed them (secrets). Set them for this command.");
        }

        var steps = new DesktopReplaySteps(driver, elements, paths, new DesktopReplayLadder(elements, paths, _time, request.FindTimeout), request, _time);
        var reports = new List<ReplayStepReport>();
        var started = Stopwatch.GetTimestamp();
        string? reason = null;
        foreach (var step in details.Steps.Where(s => s.Outcome == StepOutcome.Ok))
        {
            var report = await steps.ReplayAsync(step, cancellationToken).ConfigureAwait(false);
            reports.Add(report);
            if (!report.Ok)
            {
                reason = $"step {step.Index} ({step.Description}) failed: {report.Error}";
                break;
            }
        }

        var stepsHeld = reason is null && reports.Count > 0;
        if (stepsHeld && details.Run.Status != RunStatus.Succeeded)
        {
            reason = $"the recorded run ended {details.Run.Status.ToString().ToLowerInvariant()} ({details.Run.Reason}): its steps replayed, but it is no whole task";
        }

        OutputCheck? output = null;
        if (reason is null && request.AppOutput is { } read)
        {
            output = await CheckOutputAsync(details, read, request, cancellationToken).ConfigureAwait(false);
            if (!output.Held)
            {
                reason = output.Summary;
            }
        }

        var succeeded = reason is null && stepsHeld;
        var replay = new ReplayReport(details.Run.Id, succeeded, succeeded ? null : reason ?? "no step to replay", reports, Stopwatch.GetElapsedTime(started).TotalMilliseconds, details.Run.DurationMs, details.Run.ModelCalls);
        var result = new DesktopReplayReport(replay, output) { Checks = steps.Checks };
        if (request.Heal != HealMode.Off && steps.Healed.Count > 0)
        {
            result = result with { DiffPath = await DesktopHealDiff.WriteAsync(details, steps.Healed, cancellationToken).ConfigureAwait(false) };
            if (request.Heal == HealMode.Apply && succeeded)
            {
                await DesktopHealDiff.ApplyAsync(details, steps.Healed, cancellationToken).ConfigureAwait(false);
                result = result with { Applied = true };
            }
        }

        return result;
    }

    /// <summary>The app's output against the recorded app-output.txt (both masked), once the app has exited.</summary>
    private static async Task<OutputCheck> CheckOutputAsync(RunDetails details, Func<TimeSpan, CancellationToken, Task<AppOutcome>> read, DesktopReplayRequest request, CancellationToken cancellationToken)
    {
        var file = Path.Combine(details.Folder, "app-output.txt");
        if (!File.Exists(file))
        {
            return new OutputCheck(null, null, true, "the recorded run kept no app output (app-output.txt): nothing to compare");
        }

        var recorded = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        var now = await read(recorded.Length > 0 ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        var stdout = request.Mask(now.Stdout);
        if (recorded.Length > 0 && now.ExitCode is null)
        {
            return new OutputCheck(recorded, stdout, false, $"the app is still running; in the recorded run it had exited, printing \"{Show(recorded)}\"");
        }

        var same = string.Equals(recorded.TrimEnd('\n', '\r'), stdout.TrimEnd('\n', '\r'), StringComparison.Ordinal);
        return new OutputCheck(recorded, stdout, same, same
            ? $"the app printed \"{Show(stdout)}\", as in the recorded run"
            : $"the app printed \"{Show(stdout)}\", the recorded run's app printed \"{Show(recorded)}\"");
    }

    private static string Show(string text) => text.TrimEnd('\n', '\r').Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A recording whose element steps recorded no element path cannot be replayed by paths: refused with what to do.</summary>
    private static void RefuseWithoutPaths(RunDetails details)
    {
        if (details.Run.Driver != "desktop")
        {
            throw new VisualAgent.Errors.UsageException($"Run {details.Run.Id} was recorded in a browser, not on the desktop.");
        }

        var elementSteps = details.Steps.Where(s => s.Outcome == StepOutcome.Ok && s.Intent?.Verb is StepVerb.Click or StepVerb.DoubleClick or StepVerb.RightClick or StepVerb.Type or StepVerb.Check or StepVerb.Uncheck or StepVerb.Hover).ToList();
        if (elementSteps.Count > 0 && elementSteps.All(s => s.ElementPath is null))
        {
            throw new VisualAgent.Errors.UsageException(
                $"Run {details.Run.Id} recorded no element path for its {elementSteps.Count} step(s) on elements (it ran without the accessibility tree, pixels only): replay has nothing to find them by. " +
                "Record the task again with the accessibility bus running (the app and the agent in one D-Bus session).");
        }
    }
}

/// <summary>A desktop replay: the steps (as a web replay reports them), the app's output against the recording's, the heal diff.</summary>
public sealed record DesktopReplayReport(ReplayReport Replay, OutputCheck? Output)
{
    /// <summary>heal.diff.json when element paths were healed (propose or apply); null otherwise.</summary>
    public string? DiffPath { get; init; }

    public bool Applied { get; init; }

    /// <summary>What each step's check saw, by step index.</summary>
    public IReadOnlyDictionary<int, string> Checks { get; init; } = new Dictionary<int, string>();
}

/// <summary>The launched app's output compared with the recorded one.</summary>
public sealed record OutputCheck(string? Recorded, string? Printed, bool Held, string Summary);
