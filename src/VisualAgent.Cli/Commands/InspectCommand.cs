using System.CommandLine;
using Spectre.Console;
using VisualAgent.Cli.Hosting;
using VisualAgent.Drivers;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent inspect --url U --at X,Y`: element facts at a screenshot-pixel point.</summary>
internal static class InspectCommand
{
    private static readonly Option<string> UrlOption = new("--url") { Description = "Page to open: http(s)://, file path, or samples:PATH.", Required = true };

    private static readonly Option<string> AtOption = new("--at") { Description = "Point in screenshot pixels, X,Y.", Required = true };

    public static Command Create()
    {
        var command = new Command("inspect", "Print the facts of the element at a point (tag, role, accessible name, text, box, robust locator).\nExample: visual-agent inspect --url samples:login/ --at 640,300");
        command.Options.Add(UrlOption);
        command.Options.Add(AtOption);
        command.Options.Add(CommonOptions.Json);
        BrowserCommandOptions.AddOptions(command);
        command.SetHandler(RunAsync);
        return command;
    }

    internal static ScreenPoint ParsePoint(string text, string option)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x)
            && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var y)
            && double.IsFinite(x) && double.IsFinite(y))
        {
            return new ScreenPoint(x, y);
        }

        throw new UsageException($"{option} '{text}' is not a point: write X,Y in screenshot pixels, e.g. 640,360.");
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var point = ParsePoint(context.Get(AtOption)!, "--at");
        await using var session = await BrowserCommandOptions.OpenSessionAsync(context, context.Get(UrlOption), null, ct).ConfigureAwait(false);
        var facts = await session.Driver.ElementAtAsync(point, ct).ConfigureAwait(false);
        if (context.Json)
        {
            CliOutput.WriteJson(facts);
        }
        else if (facts is null)
        {
            CliOutput.Out.WriteLine($"no element at {point}");
        }
        else
        {
            Print(facts);
        }

        return facts is null ? ExitCodes.TaskFailed : ExitCodes.Success;
    }

    internal static void Print(ElementFacts facts)
    {
        var table = new Table().HideHeaders().AddColumns("field", "value");
        void Row(string name, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                table.AddRow(name, Markup.Escape(text));
            }
        }

        Row("tag", facts.Tag);
        Row("role", facts.Role);
        Row("name", facts.Name);
        Row("text", facts.Text);
        Row("box", facts.Box);
        Row("locator", facts.Locator);
        Row("css", facts.Css);
        Row("label", facts.Label);
        Row("placeholder", facts.Placeholder);
        Row("test id", facts.TestId);
        Row("input type", facts.InputType);
        Row("frames", facts.Frames.Count > 0 ? string.Join(" > ", facts.Frames) : null);
        Row("in shadow DOM", facts.InShadowDom ? "yes" : null);
        CliOutput.Out.Write(table);
    }
}
