using System.CommandLine;
using System.Globalization;
using VisualAgent.Agent.Offline;
using VisualAgent.Cli.Hosting;
using VisualAgent.Codegen.Images;
using VisualAgent.Codegen.Validation;
using VisualAgent.Codegen.Verification;
using VisualAgent.Codegen.Writers;
using VisualAgent.Drivers;
using VisualAgent.Drivers.Web;
using VisualAgent.Errors;
using VisualAgent.Imaging;
using VisualAgent.Vision;

namespace VisualAgent.Cli.Commands;

/// <summary>
/// `codegen --image shot.png --goal "..." --target T [--model P] [--url U [--verify]]`: a script from a screenshot alone.
/// Each target of the goal is found on the screenshot (the OCR grounder, or a model profile); its locators come from its
/// label and kind; with --url they are counted on the live page and only those matching one element are used.
/// </summary>
internal static class CodegenImageCommand
{
    public static readonly Option<FileInfo?> ImageOption = new("--image") { Description = "A screenshot (PNG or JPEG): write a script from it and --goal instead of from a run." };

    public static readonly Option<string?> GoalOption = new("--goal") { Description = "With --image: the steps, in the offline step grammar (e.g. 'type \"alice\" into the Username field; click the \"Log in\" button')." };

    public static readonly Option<string> ModelOption = new("--model", "-m") { Description = "With --image: the grounder that finds the targets on the screenshot (ocr, the default, or a model profile).", DefaultValueFactory = _ => "ocr" };

    public static readonly Option<string?> UrlOption = new("--url") { Description = "With --image: the live page the screenshot shows (samples:PATH works); each locator is counted there, and --verify runs the script from it." };

    public static void AddOptions(Command command)
    {
        command.Options.Add(ImageOption);
        command.Options.Add(GoalOption);
        command.Options.Add(ModelOption);
        command.Options.Add(UrlOption);
        BrowserCommandOptions.AddOptions(command);
    }

    public static async Task<int> RunAsync(VerbContext context, FileInfo image, ScriptTarget target, string? outOption, bool verify, CancellationToken ct)
    {
        var goal = context.Get(GoalOption) ?? throw new UsageException("--image needs --goal: the steps the script does, e.g. --goal 'click the \"Export CSV\" button'.");
        var url = context.Get(UrlOption);
        if (verify && url is null)
        {
            throw new UsageException("--verify with --image needs --url: the live page the script runs against.");
        }

        var bytes = await ImageFile.ReadAsync(image.FullName, ct).ConfigureAwait(false);
        Screenshot shot;
        using (var decoded = Image.Decode(bytes))
        {
            shot = new Screenshot { Png = ImageHeader.DetectFormat(bytes) == "png" ? bytes : decoded.EncodePng(), Size = decoded.Size };
        }

        var intents = StepParser.TryParse(goal, out var parsed, out var error) ? parsed : throw new UsageException($"The goal cannot be read as steps: {error}");
        await using var stack = await ModelStacks.OpenAsync(context, context.Get(ModelOption)!, ct).ConfigureAwait(false);
        var steps = await new ImagePlanBuilder(stack.Grounder).PlaceAsync(shot, goal, ct).ConfigureAwait(false);
        string? liveUrl = null;
        if (url is not null)
        {
            await using var session = await BrowserCommandOptions.OpenSessionAsync(context, url, null, ct).ConfigureAwait(false);
            liveUrl = session.ResolveUrl(url);
            steps = await ImagePlanBuilder.BindAsync(steps, session.Driver, ct).ConfigureAwait(false);
            if (verify)
            {
                var plan0 = ImagePlanBuilder.Plan(steps, intents, goal, liveUrl, 1, (shot.Size.Width, shot.Size.Height));
                return await WriteAsync(context, target, plan0, image, outOption, steps, stack.Profile.Name, stack.Simulated, new VerifyEnvironment { BaseUrl = plan0.BaseUrl, BrowserPath = BrowserLocator.Find(session.Options.ExecutablePath) }, ct).ConfigureAwait(false);
            }
        }

        var plan = ImagePlanBuilder.Plan(steps, intents, goal, liveUrl, 1, (shot.Size.Width, shot.Size.Height));
        return await WriteAsync(context, target, plan, image, outOption, steps, stack.Profile.Name, stack.Simulated, null, ct).ConfigureAwait(false);
    }

    private static async Task<int> WriteAsync(
        VerbContext context, ScriptTarget target, Codegen.Plans.ScriptPlan plan, FileInfo image, string? outOption, IReadOnlyList<ImageStep> steps, string model, bool simulated, VerifyEnvironment? verifyOn, CancellationToken ct)
    {
        var source = target.Writer().Write(plan);
        var outPath = Path.GetFullPath(outOption ?? Path.ChangeExtension(image.FullName, null) + "." + target.Name() + target.Extension());
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        await File.WriteAllTextAsync(outPath, source, ct).ConfigureAwait(false);
        var check = await new ScriptChecker().CheckAsync(target, Path.GetFileName(outPath), source, ct).ConfigureAwait(false);
        VerifyResult? verify = null;
        if (verifyOn is not null && check.Passed)
        {
            verify = await ScriptVerifier.RunAsync(target, source, Path.GetFileName(outPath), verifyOn, ct).ConfigureAwait(false);
        }

        if (context.Json)
        {
            CliOutput.WriteJson(new
            {
                image = image.FullName, model, simulated, target = target.Name(), script = outPath, url = plan.BaseUrl is null ? null : plan.BaseUrl + plan.StartUrl, warnings = plan.Warnings,
                steps = steps.Select(s => new
                {
                    index = s.Index, description = s.Description, target = s.Target, label = s.Label, role = s.Role,
                    point = s.Point is { } p ? new[] { p.X, p.Y } : null, box = s.Box?.ToArray(),
                    locators = s.Locators.Select((l, i) => new { kind = l.Kind.ToString().ToLowerInvariant(), role = l.Role, value = l.Value, matches = s.Matches?[i], resolved = s.Matches is null ? (bool?)null : s.Matches[i] == 1 }),
                }),
                check = new { tool = check.Tool, passed = check.Passed, skipped = check.Skipped, errors = check.Errors },
                verify = verify is null ? null : new { passed = verify.Passed, failed_step = verify.FailedStep, failed_step_description = verify.FailedStepDescription, output = verify.Passed ? null : verify.Tail(30) },
            });
        }
        else
        {
            var c = CultureInfo.InvariantCulture;
            foreach (var s in steps)
            {
                CliOutput.Out.WriteLine($"{s.Index}. {s.Description}");
                if (s.Point is { } p)
                {
                    CliOutput.Out.WriteLine(string.Create(c, $"   found at {p.X:0},{p.Y:0} by {model}{(simulated ? " (simulated model)" : "")}: {s.Role ?? "element"} \"{s.Label}\""));
                }

                for (var i = 0; i < s.Locators.Count; i++)
                {
                    var l = s.Locators[i];
                    var what = s.Matches is null ? "not checked (no --url)" : s.Matches[i] switch { 1 => "resolved", 0 => "no match", var n => $"{n} matches" };
                    CliOutput.Out.WriteLine($"   {l.Kind.ToString().ToLowerInvariant()}{(l.Kind == LocatorKind.Role ? " " + l.Role : "")} \"{l.Name ?? l.Value}\": {what}");
                }
            }

            foreach (var warning in plan.Warnings)
            {
                CliOutput.Warn(warning);
            }

            CliOutput.Out.WriteLine($"{target.Name()} script from {image.Name}: {outPath}; {check}");
            if (verify is not null)
            {
                CliOutput.Out.WriteLine(verify.Passed ? "verify: passed against the live page" : $"verify: FAILED{(verify.FailedStep is { } n ? $" at step {n} ({verify.FailedStepDescription})" : "")}\n{verify.Tail()}");
            }
        }

        return check.Passed && verify?.Passed != false ? ExitCodes.Success : ExitCodes.TaskFailed;
    }
}
