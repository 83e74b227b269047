using System.CommandLine;
using VisualAgent.Agent.Runs;
using VisualAgent.Cli.Hosting;
using VisualAgent.Runs;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent runs list` and `runs show ID|latest`.</summary>
internal static class RunsCommand
{
    private static readonly Option<string?> RunsOption = new("--runs") { Description = "Folder of run folders (default Runs:Folder, ./runs)." };

    private static readonly Argument<string> IdArgument = new("id") { Description = "A run id, a unique prefix of one, or latest.", DefaultValueFactory = _ => "latest" };

    public static Command Create()
    {
        var command = new Command("runs", "List recorded runs, or show one.\nExamples: visual-agent runs list; visual-agent runs show latest");
        var list = new Command("list", "List runs, newest first.\nExample: visual-agent runs list --json");
        list.Options.Add(RunsOption);
        list.Options.Add(CommonOptions.Json);
        list.SetHandler((context, ct) => Task.FromResult(List(context)));
        var show = new Command("show", "Show one run's steps and where its report is.\nExample: visual-agent runs show latest");
        show.Arguments.Add(IdArgument);
        show.Options.Add(RunsOption);
        show.Options.Add(CommonOptions.Json);
        show.SetHandler(ShowAsync);
        var export = new Command("export", "Export a succeeded run as a skill: skills/NAME/SKILL.md and its recording (replay --skill NAME plays it).\nExample: visual-agent runs export latest --skill login-alice");
        export.Arguments.Add(IdArgument);
        export.Options.Add(RunsOption);
        export.Options.Add(SkillNameOption);
        export.Options.Add(SkillsOption);
        export.SetHandler((context, ct) => Task.FromResult(Export(context)));
        command.Subcommands.Add(export);
        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        return command;
    }

    private static readonly Option<string> SkillNameOption = new("--skill") { Description = "The skill's name (lower-case letters, digits and dashes).", Required = true };

    private static readonly Option<string?> SkillsOption = new("--skills") { Description = "Folder of skills (default: ./skills, else the one beside the executable)." };

    private static int Export(VerbContext context)
    {
        var details = Reader(context).Load(context.Get(IdArgument)!);
        var folder = VisualAgent.Codegen.Skills.SkillExporter.Export(details, context.Get(SkillsOption) ?? FindSkillsRoot(), context.Get(SkillNameOption)!);
        CliOutput.Out.WriteLine($"skill {context.Get(SkillNameOption)} from run {details.Run.Id}: {folder} (SKILL.md and recording/)");
        return 0;
    }

    /// <summary>./skills, else skills/ beside the executable.</summary>
    internal static string FindSkillsRoot()
    {
        foreach (var candidate in new[] { Path.Combine(Directory.GetCurrentDirectory(), "skills"), Path.Combine(AppContext.BaseDirectory, "skills") })
        {
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine(Directory.GetCurrentDirectory(), "skills");
    }

    private static RunReader Reader(VerbContext context) =>
        new(new RunStore(Path.GetFullPath(context.Get(RunsOption) ?? context.Configuration["Runs:Folder"] ?? "runs")));

    private static int List(VerbContext context)
    {
        var runs = Reader(context).List();
        if (context.Json)
        {
            CliOutput.WriteJson(runs);
            return 0;
        }

        var table = new Table().AddColumns("id", "status", "steps", "model", "seconds", "reason");
        foreach (var r in runs)
        {
            table.AddRow(Markup.Escape(r.Id), r.Status.ToString().ToLowerInvariant(), r.Steps.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(r.Model + (r.Simulated ? " (simulated)" : "")), (r.DurationMs / 1000).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(r.Reason ?? ""));
        }

        CliOutput.Out.Write(table);
        return 0;
    }

    private static async Task<int> ShowAsync(VerbContext context, CancellationToken ct)
    {
        var reader = Reader(context);
        var id = context.Get(IdArgument)!;
        var details = reader.Load(id);
        var report = await reader.WriteReportAsync(id, ct).ConfigureAwait(false);
        if (context.Json)
        {
            CliOutput.WriteJson(new { run = details.Run, steps = details.Steps, folder = details.Folder, report });
            return 0;
        }

        var run = details.Run;
        CliOutput.Out.MarkupLineInterpolated($"[bold]{run.Id}[/]  {run.Status}  {run.Steps} steps  {run.DurationMs / 1000:0.0} s  model {run.Model}{(run.Simulated ? " (simulated)" : "")}");
        CliOutput.Out.WriteLine($"goal: {run.Goal}");
        if (run.Reason is { } reason)
        {
            CliOutput.Out.WriteLine($"reason: {reason}");
        }

        var table = new Table().AddColumns("#", "step", "outcome", "action", "ms", "error");
        foreach (var s in details.Steps)
        {
            table.AddRow(s.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(s.Description ?? ""), s.Outcome.Name(), Markup.Escape(s.Action is null ? "" : VisualAgent.Actions.ActionJson.Serialize(s.Action)), s.TotalMs.ToString("0", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(s.Error ?? ""));
        }

        CliOutput.Out.Write(table);
        CliOutput.Out.WriteLine($"folder: {details.Folder}");
        CliOutput.Out.WriteLine($"report: {report}");
        return 0;
    }
}
