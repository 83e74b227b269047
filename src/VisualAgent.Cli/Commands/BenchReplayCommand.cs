using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Cli.Hosting;
using VisualAgent.Codegen.Plans;
using VisualAgent.Codegen.Replay;
using VisualAgent.Codegen.Verification;
using VisualAgent.Codegen.Writers;
using VisualAgent.Drivers;
using VisualAgent.Drivers.Web;
using VisualAgent.Errors;

namespace VisualAgent.Cli.Commands;

/// <summary>
/// `bench replay RUN|latest`: how long a replay takes beside the recorded run and beside the run's own generated script
/// (medians of --iterations rounds). Replay is timed from its first step to its end on a fresh page of an open browser;
/// the script from its "step 1" line to its "PASSED" line (no process start, build or browser launch), so the two
/// measure the same thing: the steps.
/// </summary>
internal static class BenchReplayCommand
{
    private static readonly Argument<string> RunArgument = new("run") { Description = "A run id, a unique prefix of one, or latest.", DefaultValueFactory = _ => "latest" };

    private static readonly Option<int> IterationsOption = new("--iterations", "-n") { Description = "Rounds of each (the median is reported).", DefaultValueFactory = _ => 3 };

    private static readonly Option<string> TargetOption = new("--target") { Description = "The script to compare with: playwright-ts (default) or playwright-cs.", DefaultValueFactory = _ => "playwright-ts" };

    private static readonly Option<string?> RunsOption = new("--runs") { Description = "Folder of run folders (default Runs:Folder, ./runs)." };

    public static Command Create()
    {
        var command = new Command("replay", """
            Median time of replaying a run (no model) beside the run itself and beside its generated script, step time only.
            The run's secrets are read from their environment variables, as replay and the script read them.
            Example: visual-agent bench replay latest -n 3
            """);
        command.Arguments.Add(RunArgument);
        command.Options.Add(IterationsOption);
        command.Options.Add(TargetOption);
        command.Options.Add(RunsOption);
        command.Options.Add(CommonOptions.Json);
        BrowserCommandOptions.AddOptions(command);
        command.SetHandler(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var n = context.Get(IterationsOption);
        if (n is < 1 or > 50)
        {
            throw new UsageException("--iterations must be between 1 and 50.");
        }

        var target = ScriptTargets.Parse(context.Get(TargetOption)!);
        if (target is not (ScriptTarget.PlaywrightTypeScript or ScriptTarget.PlaywrightCSharp))
        {
            throw new UsageException("bench replay compares with playwright-ts or playwright-cs (the scripts that run on the same browser here).");
        }

        var details = new RunReader(new RunStore(Path.GetFullPath(context.Get(RunsOption) ?? context.Configuration["Runs:Folder"] ?? "runs"))).Load(context.Get(RunArgument)!);
        var plan = PlanBuilder.Build(details);
        var downloads = Directory.CreateTempSubdirectory("visual-agent-bench-replay-").FullName;
        try
        {
            await using var session = await BrowserCommandOptions.OpenSessionAsync(context, plan.UsesSamples ? "samples:" : null, downloads, navigate: false, ct).ConfigureAwait(false);
            var policy = context.Configuration.GetSection("Policy").Get<PolicyOptions>() ?? new PolicyOptions();
            var replays = new Dictionary<ActionSettle, List<double>> { [ActionSettle.Light] = [], [ActionSettle.Full] = [] };
            var perStep = new Dictionary<int, List<double>>();
            for (var i = -1; i < n; i++)
            {
                // Round -1 warms the process up (JIT, the page scripts) and is not counted: the script's node process is
                // timed from its first step, after its own start.
                foreach (var (settle, times) in replays)
                {
                    await using var driver = await session.NewDriverAsync(ct).ConfigureAwait(false);
                    var report = await new ReplayRunner(driver).RunAsync(details, new ReplayRequest
                    {
                        Heal = HealMode.Off, BaseUrl = session.SamplesBaseUrl, SamplesBaseUrl = session.SamplesBaseUrl, Secret = Environment.GetEnvironmentVariable, Policy = policy, Settle = settle,
                    }, ct).ConfigureAwait(false);
                    if (!report.Succeeded)
                    {
                        CliOutput.Error($"The replay ({settle.ToString().ToLowerInvariant()} settle) failed, so there is nothing to time: {report.Reason}");
                        return ExitCodes.TaskFailed;
                    }

                    if (i < 0)
                    {
                        continue;
                    }

                    times.Add(report.TotalMs);
                    foreach (var step in report.Steps.Where(_ => settle == ActionSettle.Light))
                    {
                        (perStep.TryGetValue(step.Index, out var list) ? list : perStep[step.Index] = []).Add(step.Ms);
                    }
                }
            }

            var source = target.Writer().Write(plan);
            var environment = new VerifyEnvironment { BaseUrl = session.SamplesBaseUrl, BrowserPath = BrowserLocator.Find(session.Options.ExecutablePath) };
            var scripts = new List<double>();
            var wholeScripts = new List<double>();
            for (var i = 0; i < n; i++)
            {
                var run = await ScriptVerifier.RunAsync(target, source, "bench" + target.Extension(), environment, ct).ConfigureAwait(false);
                if (!run.Passed || run.StepsElapsed is not { } steps)
                {
                    CliOutput.Error($"The {target.Name()} script failed, so there is nothing to time: {run.Tail()}");
                    return ExitCodes.TaskFailed;
                }

                scripts.Add(steps.TotalMilliseconds);
                wholeScripts.Add(run.Elapsed.TotalMilliseconds);
            }

            var replay = Median(replays[ActionSettle.Light]);
            var replayFull = Median(replays[ActionSettle.Full]);
            var script = Median(scripts);
            if (context.Json)
            {
                CliOutput.WriteJson(new
                {
                    run = details.Run.Id, iterations = n, target = target.Name(), steps = details.Steps.Count,
                    run_ms = Math.Round(details.Run.DurationMs, 1), run_model_calls = details.Run.ModelCalls,
                    replay_ms = Math.Round(replay, 1), replay_full_settle_ms = Math.Round(replayFull, 1), replay_model_calls = 0, script_steps_ms = Math.Round(script, 1), script_process_ms = Math.Round(Median(wholeScripts), 1),
                    replay_steps_ms = perStep.OrderBy(p => p.Key).Select(p => new { index = p.Key, ms = Math.Round(Median(p.Value), 1) }),
                    replay_vs_script = Math.Round(replay / script, 2), replay_full_settle_vs_script = Math.Round(replayFull / script, 2), replay_vs_run = Math.Round(replay / details.Run.DurationMs, 2),
                });
            }
            else
            {
                var c = CultureInfo.InvariantCulture;
                CliOutput.Out.WriteLine($"run {details.Run.Id}: {details.Steps.Count} steps, medians of {n}");
                CliOutput.Out.WriteLine(string.Create(c, $"  recorded run        {details.Run.DurationMs,8:0} ms  ({details.Run.ModelCalls} model calls)"));
                CliOutput.Out.WriteLine(string.Create(c, $"  replay              {replay,8:0} ms  (0 model calls)  {replay / details.Run.DurationMs:0.00}x the run"));
                CliOutput.Out.WriteLine("    per step (ms): " + string.Join(", ", perStep.OrderBy(p => p.Key).Select(p => string.Create(c, $"{p.Key}: {Median(p.Value):0}"))));
                CliOutput.Out.WriteLine(string.Create(c, $"  replay, full settle {replayFull,8:0} ms  (every action settled as in a run)"));
                CliOutput.Out.WriteLine(string.Create(c, $"  {target.Name(),-13} steps {script,8:0} ms  (whole process {Median(wholeScripts):0} ms)"));
                CliOutput.Out.WriteLine(string.Create(c, $"  replay / script     {replay / script,8:0.00}x  (full settle {replayFull / script:0.00}x)"));
            }

            return ExitCodes.Success;
        }
        finally
        {
            Directory.Delete(downloads, recursive: true);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
