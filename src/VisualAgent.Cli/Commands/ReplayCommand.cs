using System.CommandLine;
using Microsoft.Extensions.Configuration;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Cli.Hosting;
using VisualAgent.Codegen.Replay;
using VisualAgent.Errors;
using VisualAgent.Hosting;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent replay RUN_ID|latest [--heal off|propose|apply] [--base-url URL]`: the run again by its locators, no model.</summary>
internal static class ReplayCommand
{
    private static readonly Argument<string> RunArgument = new("run") { Description = "A run id, a unique prefix of one, or latest.", DefaultValueFactory = _ => "latest" };

    private static readonly Option<string> HealOption = new("--heal") { Description = "off | propose (default: write heal.diff.json, recording unchanged) | apply (also rewrite the recording).", DefaultValueFactory = _ => "propose" };

    private static readonly Option<string?> BaseUrlOption = new("--base-url") { Description = "Replay against another copy of the app: URLs of the recorded base become this base (samples:PATH works)." };

    private static readonly Option<string?> SkillOption = new("--skill") { Description = "Replay the recording of skills/NAME (made with 'runs export RUN --skill NAME') instead of a run." };

    private static readonly Option<string?> RunsOption = new("--runs") { Description = "Folder of run folders (default Runs:Folder, ./runs)." };

    public static Command Create()
    {
        var command = new Command("replay", """
            Replays a recorded run by the locators each step recorded, with no model call. When a step's locators fail it heals:
            the ranked list, then the element's fingerprint, then the step's intent re-grounded through the page; propose (the
            default) writes the healed locators to heal.diff.json in the run folder, apply also rewrites the recording.
            Examples:
              visual-agent replay latest
              visual-agent replay latest --base-url samples:renamed --heal propose
            A desktop run (run --desktop) is replayed on the X display (--display or DISPLAY): the recorded --launch command
            is started again (or --launch "COMMAND"), each step found by its element path through the accessibility tree,
            and the app's output compared with the one the run kept.
              visual-agent replay latest --display :99
            """);
        command.Arguments.Add(RunArgument);
        command.Options.Add(HealOption);
        command.Options.Add(BaseUrlOption);
        command.Options.Add(RunsOption);
        command.Options.Add(SkillOption);
        command.Options.Add(CommonOptions.Json);
        BrowserCommandOptions.AddOptions(command);
        command.Options.Add(DesktopCommandOptions.DisplayOption);
        command.Options.Add(DesktopCommandOptions.LaunchOption);
        command.Options.Add(DesktopCommandOptions.NoAccessibilityOption);
        command.SetHandler(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var heal = WebReplay.ParseHeal(context.Get(HealOption), "--heal");
        var reader = new RunReader(new RunStore(Path.GetFullPath(context.Get(RunsOption) ?? context.Configuration["Runs:Folder"] ?? "runs")));
        var details = context.Get(SkillOption) is { } skill
            ? VisualAgent.Codegen.Skills.SkillExporter.LoadRecording(Path.Combine(RunsCommand.FindSkillsRoot(), skill))
            : reader.Load(context.Get(RunArgument)!);
        if (details.Run.Driver == "desktop")
        {
            if (context.Get(BaseUrlOption) is not null)
            {
                throw new UsageException("--base-url maps web addresses; this run was recorded on the desktop (give --launch \"COMMAND\" to replay against another version of the app).");
            }

            return await DesktopReplayCommand.RunAsync(context, details, heal, ct).ConfigureAwait(false);
        }

        if (context.Parse.GetResult(DesktopCommandOptions.LaunchOption) is not null)
        {
            throw new UsageException("--launch starts a desktop app: this run was recorded in a browser.");
        }

        var given = context.Get(BaseUrlOption);
        var downloads = Path.Combine(Path.GetTempPath(), "visual-agent-replay-" + Guid.NewGuid().ToString("N")[..8]);
        var (options, viewport) = BrowserCommandOptions.ReadReplayOptions(context, details, downloads);
        await using var session = await BrowserSession.OpenAsync(options, WebReplay.NeedsSamples(details, given) ? "samples:" : null, context.Loggers, navigate: false, ct).ConfigureAwait(false);
        var policy = context.Configuration.GetSection("Policy").Get<PolicyOptions>() ?? new PolicyOptions();
        var request = WebReplay.Request(heal, given is null ? null : session.ResolveUrl(given), session.SamplesBaseUrl, policy, Environment.GetEnvironmentVariable, viewport);
        if (!context.Json && viewport.Warning is { } warning)
        {
            CliOutput.Warn(warning);
        }

        var report = await new ReplayRunner(session.Driver).RunAsync(details, request, ct).ConfigureAwait(false);
        if (context.Json)
        {
            CliOutput.WriteJson(report.Summary(details.Folder));
        }
        else
        {
            var table = new Table().AddColumns("#", "step", "found", "ms", "result");
            foreach (var s in report.Steps)
            {
                table.AddRow(s.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(s.Description), Markup.Escape(s.How), s.Ms.ToString("0", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(s.Ok ? "ok" : "failed: " + s.Error));
            }

            CliOutput.Out.Write(table);
            // A step that healed or failed: what its element looked like when recorded, to compare with the page now.
            foreach (var s in report.Steps.Where(s => (s.Healed || !s.Ok) && s.Crop is not null))
            {
                CliOutput.Out.WriteLine($"step {s.Index}: the recorded element looked like {s.CropIn(details.Folder)}");
            }

            CliOutput.Out.WriteLine(viewport.Note);
            CliOutput.Out.WriteLine($"replay {(report.Succeeded ? "succeeded" : "FAILED: " + report.Reason)}: {report.Steps.Count} steps, {report.CacheHits} cache hits, {report.HealedSteps} healed, {report.ModelCalls} model calls (the run made {report.OriginalModelCalls}); {report.TotalMs / 1000:0.0} s against the run's {report.OriginalMs / 1000:0.0} s");
            if (report.DiffPath is { } diff)
            {
                CliOutput.Out.WriteLine(report.Applied ? $"healed locators applied to the recording; the diff: {diff}" : $"healed locators proposed (recording unchanged): {diff}");
            }
        }

        return report.Succeeded ? ExitCodes.Success : ExitCodes.TaskFailed;
    }
}
