using System.CommandLine;
using VisualAgent.Agent.Runs;
using VisualAgent.Cli.Hosting;
using VisualAgent.Codegen.Export;
using VisualAgent.Codegen.Plans;
using VisualAgent.Codegen.Validation;
using VisualAgent.Codegen.Verification;
using VisualAgent.Codegen.Writers;
using VisualAgent.Drivers.Web;
using VisualAgent.Errors;
using VisualAgent.Simulator.Samples;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent codegen --run ID|latest --target T [--out FILE] [--verify]`: a script from a recorded run, checked by its compiler.</summary>
internal static class CodegenCommand
{
    private static readonly Option<string> RunOption = new("--run") { Description = "The run to export: an id, a unique prefix of one, or latest.", DefaultValueFactory = _ => "latest" };

    private static readonly Option<string> TargetOption = new("--target") { Description = "playwright-cs | playwright-ts | playwright-py | selenium-cs | selenium-py | desktop-cs (a desktop run).", Required = true };

    private static readonly Option<string?> OutOption = new("--out") { Description = "Where to write the script (default: the run's scripts/ folder, named after the target)." };

    private static readonly Option<bool> VerifyOption = new("--verify") { Description = "Run the script against the live app (starts the samples server when the run used it) and report pass or fail with the failing step." };

    private static readonly Option<string?> RunsOption = new("--runs") { Description = "Folder of run folders (default Runs:Folder, ./runs)." };

    public static Command Create()
    {
        var command = new Command("codegen", """
            A Playwright or Selenium script (C#, TypeScript, Python) from a recorded run: the locators each step recorded,
            waits in the target's idiom, secrets as environment variables, assertions for what the run checked. The script is
            compiled (Roslyn against the real Playwright/Selenium assemblies, tsc, py_compile) before it is reported written.
            Examples:
              visual-agent codegen --run latest --target playwright-cs --verify
              visual-agent codegen --run latest --target selenium-py --out login.py
              visual-agent codegen --image login.png --goal 'click the "Log in" button' --target playwright-ts --url samples:login/ --verify
            A desktop run (run --desktop) exports as desktop-cs: a C# file-based app on the desktop driver that launches the
            app, finds each element by its recorded path through the accessibility tree, acts, reads back and checks the app's output.
              visual-agent codegen --run latest --target desktop-cs --verify
            """);
        command.Options.Add(RunOption);
        command.Options.Add(TargetOption);
        command.Options.Add(OutOption);
        command.Options.Add(VerifyOption);
        command.Options.Add(RunsOption);
        command.Options.Add(CommonOptions.Json);
        CodegenImageCommand.AddOptions(command);
        command.SetHandler(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var target = ScriptTargets.Parse(context.Get(TargetOption)!);
        if (context.Get(CodegenImageCommand.ImageOption) is { } image)
        {
            return await CodegenImageCommand.RunAsync(context, image, target, context.Get(OutOption), context.Get(VerifyOption), ct).ConfigureAwait(false);
        }

        var reader = new RunReader(new RunStore(Path.GetFullPath(context.Get(RunsOption) ?? context.Configuration["Runs:Folder"] ?? "runs")));
        var details = reader.Load(context.Get(RunOption)!);
        var script = RunScript.Generate(details, target);
        var (plan, source, generateMs) = (script.Plan, script.Source, script.GenerateMs);
        var outPath = Path.GetFullPath(context.Get(OutOption) ?? Path.Combine(details.Folder, "scripts", target.Name() + target.Extension()));
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        await File.WriteAllTextAsync(outPath, source, ct).ConfigureAwait(false);
        foreach (var warning in plan.Warnings)
        {
            CliOutput.Warn(warning);
        }

        var check = await script.CheckAsync(Path.GetFileName(outPath), ct).ConfigureAwait(false);
        VerifyResult? verify = null;
        if (context.Get(VerifyOption) && check.Passed)
        {
            verify = await VerifyAsync(context, target, plan, source, outPath, ct).ConfigureAwait(false);
        }

        if (context.Json)
        {
            CliOutput.WriteJson(new
            {
                run = details.Run.Id, target = target.Name(), script = outPath, steps = plan.Steps.Count, warnings = plan.Warnings, generate_ms = generateMs,
                check = new { tool = check.Tool, passed = check.Passed, skipped = check.Skipped, errors = check.Errors, ms = check.Elapsed.TotalMilliseconds },
                verify = verify is null ? null : new { passed = verify.Passed, failed_step = verify.FailedStep, failed_step_description = verify.FailedStepDescription, seconds = verify.Elapsed.TotalSeconds, steps_ms = verify.StepsElapsed?.TotalMilliseconds, output = verify.Passed ? null : verify.Tail(30) },
            });
        }
        else
        {
            CliOutput.Out.WriteLine($"{target.Name()} script of run {details.Run.Id} ({plan.Steps.Count} steps): {outPath}");
            CliOutput.Out.WriteLine($"generated in {generateMs:0} ms; {check}");
            if (verify is not null)
            {
                CliOutput.Out.WriteLine(verify.Passed
                    ? $"verify: passed against the live app in {verify.Elapsed.TotalSeconds:0.0} s (its steps {verify.StepsElapsed?.TotalMilliseconds:0} ms)"
                    : $"verify: FAILED{(verify.FailedStep is { } n ? $" at step {n} ({verify.FailedStepDescription})" : " before its first step")} after {verify.Elapsed.TotalSeconds:0.0} s\n{verify.Tail()}");
            }
        }

        if (check.Skipped)
        {
            CliOutput.Error($"The script was written but not checked: {string.Join("; ", check.Errors)}");
            return ExitCodes.Environment;
        }

        return check.Passed && verify?.Passed != false ? ExitCodes.Success : ExitCodes.TaskFailed;
    }

    private static async Task<VerifyResult> VerifyAsync(VerbContext context, ScriptTarget target, ScriptPlan plan, string source, string outPath, CancellationToken ct)
    {
        await using var samples = plan.UsesSamples ? await SamplesServer.StartAsync(cancellationToken: ct).ConfigureAwait(false) : null;
        var missing = plan.Secrets.Where(s => Environment.GetEnvironmentVariable(s) is null).ToList();
        if (missing.Count > 0)
        {
            throw new UsageException($"--verify needs the environment variable(s) {string.Join(", ", missing)}: the script types them (secrets the run used). Set them for this command, e.g. {missing[0]}=... visual-agent codegen ...");
        }

        var environment = new VerifyEnvironment
        {
            BaseUrl = samples?.BaseUrl.TrimEnd('/'),
            BrowserPath = BrowserLocator.Find(BrowserCommandOptions.ReadOptions(context).ExecutablePath),
        };
        return await ScriptVerifier.RunAsync(target, source, Path.GetFileName(outPath), environment, ct).ConfigureAwait(false);
    }
}
