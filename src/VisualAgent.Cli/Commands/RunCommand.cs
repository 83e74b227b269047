using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using VisualAgent.Agent;
using VisualAgent.Agent.Offline;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Agent.Skills;
using VisualAgent.Cli.Hosting;
using VisualAgent.Errors;
using VisualAgent.Hosting;
using VisualAgent.Planning;
using VisualAgent.Runs;
using VisualAgent.SemanticKernel;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent run [--url U] [--model P] "instruction"`, `--skill NAME --param k=v`, `--demo`.</summary>
internal static class RunCommand
{
    private static readonly Argument<string?> InstructionArgument = new("instruction") { Description = "What to do. Offline (--model ocr): explicit steps, e.g. \"open samples:login/; type alice into the Username field; click Log in\".", Arity = ArgumentArity.ZeroOrOne };

    private static readonly Option<string?> UrlOption = new("--url") { Description = "Page to open first: http(s)://, a file, or samples:PATH (starts the samples server)." };

    private static readonly Option<string> ModelOption = new("--model", "-m") { Description = "Model profile: offline (the default: explicit steps grounded through the page's accessibility tree and DOM, pixels where there are none), ocr (pixels only), a configured VLM, or sim-DIALECT.", DefaultValueFactory = _ => "offline" };

    private static readonly Option<string?> GrounderOption = new("--grounder", "-g") { Description = "Planner + grounder mode: this profile places each target (e.g. ui-tars-1.5-7b, offline, or ocr); --planner (or --model) then plans (with --model ocr, the explicit steps are the plan)." };

    private static readonly Option<string?> PlannerOption = new("--planner") { Description = "Planner + grounder mode: PROFILE plans each step in words, sk:PROFILE plans through a Semantic Kernel with automatic function calling (any chat model, text-only too); --grounder places the targets (default: the planner's profile). --model P --grounder G is the same as --planner P --grounder G." };

    private static readonly Option<string?> SkillOption = new("--skill") { Description = "Run a skill from skills/NAME/SKILL.md." };

    private static readonly Option<string[]> ParamOption = new("--param", "-p") { Description = "Skill parameter NAME=VALUE (repeatable). Secret parameters come from the environment, never from here.", AllowMultipleArgumentsPerToken = false };

    private static readonly Option<string[]> SecretOption = new("--secret") { Description = "Declare a secret NAME (repeatable), read from the environment variable NAME: checked before the first step and masked everywhere. {{secret:NAME}} in the instruction, or a secret parameter of the skill, declares it too; no other variable is ever read.", AllowMultipleArgumentsPerToken = false };

    private static readonly Option<bool> DemoOption = new("--demo") { Description = "The offline demo: serve the samples, log in with a secret, filter orders by status, export CSV, check its rows." };

    private static readonly Option<bool> YesOption = new("--yes") { Description = "Confirm every risky step (unattended runs that you trust)." };

    private static readonly Option<bool> DenyRiskyOption = new("--deny-risky") { Description = "Deny every risky step without asking (the default with no terminal)." };

    private static readonly Option<int?> MaxStepsOption = new("--max-steps") { Description = "Bound on steps (default Agent:MaxSteps, 40)." };

    private static readonly Option<long?> MaxTokensOption = new("--max-tokens-total") { Description = "Token budget of the run (prompt, image and completion tokens of every model call): the run stops cleanly before the next step once it is used up (run.json cause \"budget\")." };

    private static readonly Option<double?> MaxCostOption = new("--max-cost") { Description = "Cost budget of the run in the model profile's price currency (Models:NAME:Price): the run stops cleanly before the next step once it is used up." };

    private static readonly Option<string?> RunsOption = new("--runs") { Description = "Folder for run folders (default Runs:Folder, ./runs)." };

    public static Command Create()
    {
        var command = new Command("run", """
            Do a task in the browser (or on the X11 desktop with --desktop) and record every step under runs/ (run.json, steps.jsonl, shots/, report.html).
            Examples:
              visual-agent run --demo
              visual-agent run --desktop --launch "zenity --forms --add-entry=Name --add-entry=City" "type Ada into the Name field; type Oslo into the City field; click OK"
              visual-agent run --url samples:login/ "type alice into the Username field; type {{secret:PW}} into the Password field; click Log in"
              visual-agent run --skill export-orders -p BASE_URL=http://127.0.0.1:5080 -p STATUS=Shipped
              visual-agent run --planner sk:gpt-4o --grounder qwen3-vl-4b --url https://example.com "find the pricing page"
            """);
        command.Arguments.Add(InstructionArgument);
        command.Options.Add(UrlOption);
        command.Options.Add(ModelOption);
        command.Options.Add(GrounderOption);
        command.Options.Add(PlannerOption);
        command.Options.Add(SkillOption);
        command.Options.Add(ParamOption);
        command.Options.Add(SecretOption);
        command.Options.Add(DemoOption);
        command.Options.Add(YesOption);
        command.Options.Add(DenyRiskyOption);
        command.Options.Add(MaxStepsOption);
        command.Options.Add(MaxTokensOption);
        command.Options.Add(MaxCostOption);
        command.Options.Add(RunsOption);
        command.Options.Add(CommonOptions.Json);
        BrowserCommandOptions.AddOptions(command);
        DesktopCommandOptions.AddOptions(command);
        command.SetHandler(RunAsync);
        return command;
    }

    /// <summary>
    /// The planner's profile and whether a Semantic Kernel plans: --planner PROFILE or sk:PROFILE, else --model (the old
    /// spelling of the same: --model P --grounder G is --planner P --grounder G).
    /// </summary>
    private static (string Profile, bool Kernel) PlannerChoice(VerbContext context)
    {
        var planner = context.Get(PlannerOption);
        if (planner is null)
        {
            return (context.Get(ModelOption)!, false);
        }

        if (context.Parse.GetResult(ModelOption) is { Implicit: false })
        {
            throw new UsageException("--planner and --model both name the planner: give one (--model P --grounder G is the same as --planner P --grounder G).");
        }

        var kernel = planner.StartsWith(ModelStackKernelExtensions.Prefix, StringComparison.OrdinalIgnoreCase);
        var name = kernel ? planner[ModelStackKernelExtensions.Prefix.Length..] : planner;
        if (name.Length == 0)
        {
            throw new UsageException($"--planner {planner} names no profile: give sk:PROFILE (e.g. sk:gpt-4o) or PROFILE.");
        }

        if (kernel && Models.Profiles.ModelProfiles.FromConfiguration(context.Configuration).Get(name).IsOcr)
        {
            throw new UsageException($"--planner {planner}: '{name}' has no chat model to plan with; give a chat model profile after sk:.");
        }

        return (name, kernel);
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var demo = context.Get(DemoOption);
        var (goal, url, skillSecrets) = ResolveGoal(context, demo);
        var onDesktop = DesktopCommandOptions.Wanted(context);
        if (onDesktop && (url is not null || demo))
        {
            throw new UsageException("--desktop acts on the X11 screen: it takes no --url or --demo (use --launch \"COMMAND\" to start an app first).");
        }

        if (!onDesktop && context.Parse.GetResult(DesktopCommandOptions.LaunchOption) is not null)
        {
            throw new UsageException("--launch starts a desktop app: give --desktop with it.");
        }

        if (demo && Environment.GetEnvironmentVariable(Demo.SecretName) is null)
        {
            // The samples' documented demo account; set here so the demo runs anywhere, typed as a secret all the same.
            Environment.SetEnvironmentVariable(Demo.SecretName, Demo.Password);
        }

        // Secrets come only from the user: the names in the instruction (or skill body), the skill's secret parameters
        // and --secret. All must be set before anything is done; no other variable is ever read.
        var secrets = new SecretResolver(new SecretMasker(), declared: DeclaredSecrets(context, goal, skillSecrets));
        secrets.EnsureDeclaredAvailable();
        var (profileName, kernelPlanner) = PlannerChoice(context);
        if (context.Get(YesOption) && context.Get(DenyRiskyOption))
        {
            throw new UsageException("--yes and --deny-risky contradict each other: give one.");
        }

        await using var models = await ModelStacks.OpenAsync(context, profileName, ct).ConfigureAwait(false);
        var grounderName = context.Get(GrounderOption);
        await using var grounderStack = grounderName is null || string.Equals(grounderName, profileName, StringComparison.OrdinalIgnoreCase)
            ? null
            : await ModelStacks.OpenAsync(context, grounderName, ct).ConfigureAwait(false);
        WebTask.RefuseSimulated(models, grounderStack);
        var grounder = (grounderStack ?? models).Grounder;
        IPlanner planner;
        if (models.Offline)
        {
            if (!StepParser.TryParse(goal, out var steps, out var error))
            {
                throw new UsageException($"{error}\nThe offline default (--model ocr) runs explicit steps only. For a free-form goal, give a vision-language model profile with --model (see 'visual-agent doctor' and the README's 'Serving real models').");
            }

            planner = new OfflinePlanner(steps);
        }
        else if (kernelPlanner)
        {
            // A Semantic Kernel plans through function calls; the grounder (or the planner's own profile) places each target.
            planner = models.CreateKernelPlanner();
        }
        else
        {
            // One call decides and grounds (computer use), unless a separate grounder is named: then the model plans in words.
            planner = grounderStack is null ? models.CreatePlanner() : models.CreateWordsPlanner();
        }

        var runsRoot = context.Get(RunsOption) ?? context.Configuration["Runs:Folder"] ?? "runs";
        var store = new RunStore(Path.GetFullPath(runsRoot));
        // Downloads land in a private temporary folder the driver removes (Browser:DownloadsDir to choose one); the run keeps copies.
        string? downloads = null;
        // The runner opens the start URL (once: the session only starts the samples server it may need).
        await using var desktop = onDesktop ? await DesktopCommandOptions.OpenSessionAsync(context, ct).ConfigureAwait(false) : null;
        await using var session = onDesktop ? null : await BrowserCommandOptions.OpenSessionAsync(context, demo ? "samples:" : url, downloads, navigate: false, ct).ConfigureAwait(false);
        var startUrl = url is null || session is null ? null : session.ResolveUrl(url);
        goal = WebTask.ResolveGoal(goal, session?.SamplesBaseUrl);
        Drivers.IUiDriver driver = desktop is null ? session!.Driver : desktop.Driver;
        if (planner is OfflinePlanner)
        {
            planner = new OfflinePlanner(StepParser.Parse(goal));
        }

        var agentOptions = context.Configuration.GetSection("Agent").Get<AgentOptions>() ?? new AgentOptions();
        agentOptions = agentOptions with
        {
            MaxSteps = context.Get(MaxStepsOption) ?? agentOptions.MaxSteps,
            MaxTokensTotal = context.Get(MaxTokensOption) ?? agentOptions.MaxTokensTotal,
            MaxCost = context.Get(MaxCostOption) ?? agentOptions.MaxCost,
        };
        agentOptions.Validate();
        var policy = context.Configuration.GetSection("Policy").Get<PolicyOptions>() ?? new PolicyOptions();
        var prompt = ConsoleConfirmationPrompt.ForConsole(context.Get(YesOption), context.Get(DenyRiskyOption) || !CliOutput.Interactive);
        // Ctrl-C at a terminal pauses between steps ([r]esume / [t]ake over / [s]top), a second one stops; with no
        // terminal it stops at once. Either way the run ends cleanly (run.json and the report written).
        var pause = CliOutput.Interactive && !context.Json ? new ConsolePauseController(Console.In, Console.Error) : null;
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        void OnCtrlC(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            if (pause?.OnInterrupt() != true)
            {
                interrupt.Cancel();
            }
        }

        // A model failure in the planner or grounder ends the run with exit code 3 (the offline planner is not wrapped:
        // the loop reads its step preview, and it calls no model).
        var watch = new ModelFailureWatch();
        var runner = AgentFactory.Create(new AgentSetup
        {
            Driver = driver, Planner = planner is OfflinePlanner ? planner : watch.Watch(planner), Grounder = watch.Watch(grounder), Store = store, Secrets = secrets, Options = agentOptions, Policy = policy, Prompt = prompt,
            Logger = context.Loggers.CreateLogger<AgentRunner>(),
            StepRecorded = context.Json ? null : PrintStep,
            Pause = pause,
        });

        if (!context.Json)
        {
            CliOutput.Out.MarkupLineInterpolated($"[bold]run[/] with [blue]{profileName}[/]{(models.Simulated ? " (simulated)" : "")}: {goal}");
        }

        var request = new RunRequest
        {
            Goal = goal,
            StartUrl = startUrl,
            Model = (kernelPlanner ? ModelStackKernelExtensions.Prefix : "") + (grounderName is null ? profileName : $"{profileName}+{grounderName}"),
            Simulated = models.Simulated,
            Driver = desktop is null ? "web" : "desktop",
            GroundThroughElements = (grounderStack ?? models).Profile.GroundsThroughElements,
            Price = models.Price,
            Settings = desktop is null
                ? WebTask.Settings(session!, prompt.Name, via: null)
                : new Dictionary<string, string>
                {
                    ["display"] = desktop.Driver.Display,
                    ["screen"] = desktop.Driver.ScreenSize.ToString(),
                    ["accessibility"] = desktop.Driver.AccessibilityStatus,
                    ["launch"] = secrets.Masker.Apply(desktop.App?.Command) ?? "",
                    ["confirmations"] = prompt.Name,
                },
        };
        // SIGTERM (timeout, kill, a service manager) and SIGHUP (the terminal closed) stop the run as Ctrl-C does: it ends
        // "interrupted" with run.json and report.html written, and the exit code says which signal (143, 129).
        int? stoppedBy = null;
        void OnSignal(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stoppedBy ??= signal.Signal == PosixSignal.SIGHUP ? ExitCodes.HangUp : ExitCodes.Terminated;
            interrupt.Cancel();
        }

        RunResult result;
        Console.CancelKeyPress += OnCtrlC;
        using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal))
        using (PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal))
        {
            try
            {
                result = await runner.RunAsync(request, interrupt.Token).ConfigureAwait(false);
            }
            finally
            {
                Console.CancelKeyPress -= OnCtrlC;
            }
        }

        var app = desktop?.App is { } launched ? await DesktopAppOutput.KeepAsync(launched, result.Folder, secrets.Masker, ct).ConfigureAwait(false) : null;
        if (stoppedBy is { } signalled && result.Record.Reason == AgentRunner.InterruptedReason)
        {
            Report(context, result, null, app);
            return signalled;
        }

        var check = demo && result.Record.Status == RunStatus.Succeeded
            ? await Demo.CheckExportAsync(session!.Driver, result, ct).ConfigureAwait(false)
            : null;
        Report(context, result, check, app);
        return check is { Passed: false } ? ExitCodes.TaskFailed : watch.ExitCode(result);
    }

    private static IEnumerable<string> DeclaredSecrets(VerbContext context, string goal, IReadOnlyList<string> skillSecrets)
    {
        var named = context.Get(SecretOption) ?? [];
        foreach (var name in named)
        {
            if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new UsageException($"--secret '{name}' is not an environment variable name: give a NAME such as DB_PASSWORD (letters, digits and _).");
            }
        }

        return SecretResolver.Names(goal).Concat(skillSecrets).Concat(named).Distinct(StringComparer.Ordinal);
    }

    private static (string Goal, string? Url, IReadOnlyList<string> SkillSecrets) ResolveGoal(VerbContext context, bool demo)
    {
        var instruction = context.Get(InstructionArgument);
        var skillName = context.Get(SkillOption);
        var given = (instruction is null ? 0 : 1) + (skillName is null ? 0 : 1) + (demo ? 1 : 0);
        if (given != 1)
        {
            throw new UsageException("Give exactly one of: an instruction, --skill NAME, or --demo. Example: visual-agent run --demo");
        }

        if (demo)
        {
            return (Demo.Instruction, null, []);
        }

        if (skillName is not null)
        {
            var root = FindSkillsRoot();
            var skill = SkillLoader.Find(root, skillName);
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in context.Get(ParamOption) ?? [])
            {
                var eq = p.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new UsageException($"--param '{p}' is not NAME=VALUE.");
                }

                parameters[p[..eq]] = p[(eq + 1)..];
            }

            var secrets = skill.Parameters.Where(p => p.Secret && (p.Required || Environment.GetEnvironmentVariable(p.Name) is { Length: > 0 })).Select(p => p.Name);
            return (SkillLoader.Render(skill, parameters, Environment.GetEnvironmentVariable), context.Get(UrlOption), [.. secrets]);
        }

        return (instruction!, context.Get(UrlOption), []);
    }

    private static string FindSkillsRoot()
    {
        foreach (var candidate in new[] { Path.Combine(Directory.GetCurrentDirectory(), "skills"), Path.Combine(AppContext.BaseDirectory, "skills") })
        {
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new UsageException("No skills/ folder here or beside the executable.");
    }

    private static void PrintStep(StepRecord step)
    {
        var colour = step.Outcome switch { StepOutcome.Ok => "green", StepOutcome.Blocked or StepOutcome.Failed => "red", _ => "yellow" };
        CliOutput.Out.MarkupLineInterpolated($"  [grey]{step.Index,3}[/] [{colour}]{step.Outcome.Name(),-7}[/] {step.Description ?? step.Action?.Name ?? ""} [grey]{step.TotalMs:0} ms[/]{(step.Error is { } e ? $"  {e}" : "")}");
    }

    private static void Report(VerbContext context, RunResult result, Demo.ExportCheck? check, DesktopAppOutput? app = null)
    {
        var run = result.Record;
        var report = Path.Combine(result.Folder, "report.html");
        if (context.Json)
        {
            CliOutput.WriteJson(new { run.Id, status = run.Status, run.Reason, run.Summary, run.Steps, folder = result.Folder, report, downloads = run.Downloads.Select(d => Path.Combine(result.Folder, d)), check, app });
            return;
        }

        if (app is not null)
        {
            CliOutput.Out.WriteLine($"app:        {app.Command} {(app.ExitCode is { } code ? $"exited with code {code}" : "still running (ended by the agent)")}; its output: {app.File}");
        }

        var colour = run.Status == RunStatus.Succeeded ? "green" : "red";
        CliOutput.Out.MarkupLineInterpolated($"[bold {colour}]{run.Status}[/] after {run.Steps} {(run.Steps == 1 ? "step" : "steps")} in {run.DurationMs / 1000:0.0} s{(run.Reason is { } r ? $": {r}" : "")}");
        CliOutput.Out.WriteLine($"run folder: {result.Folder}");
        CliOutput.Out.WriteLine($"report:     {report}");
        foreach (var d in run.Downloads)
        {
            CliOutput.Out.WriteLine($"download:   {Path.Combine(result.Folder, d)}");
        }

        if (check is not null)
        {
            CliOutput.Out.MarkupLineInterpolated($"CSV check:  [{(check.Passed ? "green" : "red")}]{check.Message}[/]");
        }
    }
}
