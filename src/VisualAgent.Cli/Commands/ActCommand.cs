using Spectre.Console;
using System.CommandLine;
using VisualAgent.Actions;
using VisualAgent.Cli.Hosting;
using VisualAgent.Errors;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent act --url U --click X,Y | --type TEXT | --key CHORD`: one action, before/after shots.</summary>
internal static class ActCommand
{
    private static readonly Option<string> UrlOption = new("--url") { Description = "Page to open: http(s)://, file path, or samples:PATH.", Required = true };

    private static readonly Option<string?> ClickOption = new("--click") { Description = "Click at X,Y (screenshot pixels)." };

    private static readonly Option<string?> TypeOption = new("--type") { Description = "Type this text into the focused element." };

    private static readonly Option<string?> KeyOption = new("--key") { Description = "Press a key chord, e.g. enter, ctrl+a." };

    private static readonly Option<DirectoryInfo> OutOption = new("--out", "-o")
    {
        Description = "Folder for before.png and after.png.",
        DefaultValueFactory = _ => new DirectoryInfo("act-out"),
    };

    public static Command Create()
    {
        var command = new Command("act", "Perform one action on a page, print the element hit and save before/after screenshots.\nExample: visual-agent act --url samples:login/ --click 640,300");
        command.Options.Add(UrlOption);
        command.Options.Add(ClickOption);
        command.Options.Add(TypeOption);
        command.Options.Add(KeyOption);
        command.Options.Add(OutOption);
        command.Options.Add(CommonOptions.Json);
        BrowserCommandOptions.AddOptions(command);
        command.SetHandler(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var given = new[] { context.Get(ClickOption), context.Get(TypeOption), context.Get(KeyOption) }.Count(v => v is not null);
        if (given != 1)
        {
            throw new UsageException("Give exactly one of --click X,Y, --type TEXT or --key CHORD.");
        }

        AgentAction action = context.Get(ClickOption) is { } click
            ? new ClickAction(InspectCommand.ParsePoint(click, "--click").X, InspectCommand.ParsePoint(click, "--click").Y)
            : context.Get(TypeOption) is { } text
                ? new TypeAction(text)
                : new KeyAction(context.Get(KeyOption)!.ToLowerInvariant().Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        var folder = context.Get(OutOption)!;
        folder.Create();
        await using var session = await BrowserCommandOptions.OpenSessionAsync(context, context.Get(UrlOption), Path.Combine(folder.FullName, "downloads"), ct).ConfigureAwait(false);
        var before = await session.Driver.CaptureAsync(ct).ConfigureAwait(false);
        await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "before.png"), before.Png.ToArray(), ct).ConfigureAwait(false);
        var outcome = await session.Driver.ExecuteAsync(action, ct).ConfigureAwait(false);
        var after = await session.Driver.CaptureAsync(ct).ConfigureAwait(false);
        await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "after.png"), after.Png.ToArray(), ct).ConfigureAwait(false);

        if (context.Json)
        {
            CliOutput.WriteJson(new { action, element = outcome.Element, dialog = outcome.Dialog, downloads = outcome.Downloads, url = outcome.Location, before = Path.Combine(folder.FullName, "before.png"), after = Path.Combine(folder.FullName, "after.png") });
        }
        else
        {
            CliOutput.Out.WriteLine($"{ActionJson.Serialize(action)}");
            if (outcome.Element is { } element)
            {
                InspectCommand.Print(element);
            }

            if (outcome.Dialog is { } dialog)
            {
                CliOutput.Out.WriteLine($"a {dialog.Kind} dialog opened: \"{dialog.Message}\"");
            }

            foreach (var download in outcome.Downloads)
            {
                CliOutput.Out.WriteLine($"downloaded {download}");
            }

            CliOutput.Out.WriteLine($"before/after screenshots in {folder.FullName}");
        }

        return 0;
    }
}
