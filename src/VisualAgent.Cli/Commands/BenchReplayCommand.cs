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
using VisualAgent.Hosting;

namespace VisualAgent.Cli.Commands;

/// <summary>
/// `bench replay RUN|latest`: how long a replay takes beside the recorded run and beside the run's own generated script
/// (medians of --iterations rounds), both at the run's recorded viewport. The ratio is taken on one span for both
/// (<see cref="BenchReplayFigures.Span"/>): the replay from its start page loaded to its last step, on a fresh page of an
/// open browser; the script from its "step 1" line to its "PASSED" line (no process start, build, browser launch or
/// start page). Whole-process times are printed apart.
/// </summary>
internal static class BenchReplayCommand
{
    private static readonly Argument<string> RunArgument = new("run") { Description = "A run id, a unique prefix of one, or latest.", DefaultValueFactory = _ => "latest" };

    private static readonly Option<int> IterationsOption = new("--iterations", "-n") { Description = "Rounds of each (the median is reported).", DefaultValueFactory = _ => 3 };

    private static readonly Option<string> TargetOption = new("--target") { Description = "The script to compare with: playwright-ts (default) or playwright-cs.", DefaultValueFactory = _ => "playwright-ts" };

    private static readonly Option<string?> BaseUrlOption = new("--base-url") { Description = "Replay and run the script against another copy of the app: URLs of the recorded base become this base (samples:PATH works), e.g. a bench run's local pages served again." };

    private static readonly Option<string?> RunsOption = new("--runs") { Description = "Folder of run folders (default Runs:Folder, ./runs)." };

    public static Command Create()
    {
        var command = new Command("replay", """
            Median time of replaying a run (no model) beside the run itself and beside its generated script. The replay/script
            ratio is on one span for both: from the start page loaded to the last step done (the script's "step 1" to
            "PASSED" lines); whole-process times (the replay with opening the start page, the script's process with its
            build and browser launch) are printed apart. Both open the page at the run's recorded viewport (--viewport overrides).
            The run's secrets are read from their environment variables, as replay and the script read them.
            Example: visual-agent bench replay latest -n 3
            A bench run's pages were served by that bench: serve them again and give --base-url http://127.0.0.1:PORT.
            """);
        command.Arguments.Add(RunArgument);
        command.Options.Add(IterationsOption);
        command.Options.Add(TargetOption);
        command.Options.Add(RunsOption);
        command.Options.Add(BaseUrlOption);
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
            var (options, viewport) = BrowserCommandOptions.ReadReplayOptions(context, details, downloads);
            if (viewport.Warning is { } warning)
            {
                CliOutput.Warn(warning);
            }

            var given = context.Get(BaseUrlOption);
            await using var session = await BrowserSession.OpenAsync(options, plan.UsesSamples || WebReplay.NeedsSamples(details, given) ? "samples:" : null, context.Loggers, navigate: false, ct).ConfigureAwait(false);

            // Both replay and script go to the same copy of the app: the one given, else this session's samples server
            // standing for the one a samples run used, else the recorded addresses.
            var baseUrl = given is null ? session.SamplesBaseUrl : session.ResolveUrl(given).TrimEnd('/');
            var policy = context.Configuration.GetSection("Policy").Get<PolicyOptions>() ?? new PolicyOptions();
            var replays = new Dictionary<ActionSettle, List<ReplayRound>> { [ActionSettle.Light] = [], [ActionSettle.Full] = [] };
            var perStep = new Dictionary<int, List<double>>();
            for (var i = -1; i < n; i++)
            {
                // Round -1 warms the process up (JIT, the page scripts) and is not counted: the script's node process is
                // timed from its first step, after its own start.
                foreach (var (settle, rounds) in replays)
                {
                    await using var driver = await session.NewDriverAsync(ct).ConfigureAwait(false);
                    var report = await new ReplayRunner(driver).RunAsync(details, new ReplayRequest
                    {
                        Heal = HealMode.Off, BaseUrl = baseUrl, SamplesBaseUrl = session.SamplesBaseUrl, Secret = Environment.GetEnvironmentVariable, Policy = policy, Settle = settle, Viewport = viewport,
                    }, ct).ConfigureAwait(false);
                    if (!report.Succeeded)
                    {
                        CliOutput.Error($"The replay ({settle.ToString().ToLowerInvariant()} settle, {viewport.Note}) failed, so there is nothing to time: {report.Reason}");
                        return ExitCodes.TaskFailed;
                    }

                    if (i < 0)
                    {
                        continue;
                    }

                    rounds.Add(new ReplayRound(report.TotalMs, report.StepsMs, report.StartMs));
                    foreach (var step in report.Steps.Where(_ => settle == ActionSettle.Light))
                    {
                        (perStep.TryGetValue(step.Index, out var list) ? list : perStep[step.Index] = []).Add(step.Ms);
                    }
                }
            }

            // The script opens its page at the replay's viewport (the recorded one unless --viewport said otherwise).
            var source = target.Writer().Write(plan with { ViewportWidth = viewport.Size.Width, ViewportHeight = viewport.Size.Height });
            var environment = new VerifyEnvironment { BaseUrl = baseUrl, BrowserPath = BrowserLocator.Find(session.Options.ExecutablePath) };
            var scripts = new List<ScriptRound>();
            for (var i = 0; i < n; i++)
            {
                var run = await ScriptVerifier.RunAsync(target, source, "bench" + target.Extension(), environment, ct).ConfigureAwait(false);
                if (!run.Passed || run.StepsElapsed is not { } steps)
                {
                    CliOutput.Error($"The {target.Name()} script failed, so there is nothing to time: {run.Tail()}");
                    return ExitCodes.TaskFailed;
                }

                scripts.Add(new ScriptRound(steps.TotalMilliseconds, run.Elapsed.TotalMilliseconds));
            }

            var figures = new BenchReplayFigures(
                details.Run.Id, n, target.Name(), details.Steps.Count, details.Run.DurationMs, details.Run.ModelCalls,
                replays[ActionSettle.Light], replays[ActionSettle.Full], scripts, perStep.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value))
            {
                Viewport = viewport,
            };
            if (context.Json)
            {
                CliOutput.WriteJson(figures.Json());
            }
            else
            {
                foreach (var line in figures.Lines())
                {
                    CliOutput.Out.WriteLine(line);
                }
            }

            return ExitCodes.Success;
        }
        finally
        {
            Directory.Delete(downloads, recursive: true);
        }
    }
}
