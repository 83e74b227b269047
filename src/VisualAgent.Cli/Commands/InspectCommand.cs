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
    private static readonly Option<string?> UrlOption = new("--url") { Description = "Page to open: http(s)://, file path, or samples:PATH (or --desktop for the X11 screen)." };

    private static readonly Option<string?> AtOption = new("--at") { Description = "Point in screenshot pixels, X,Y." };

    private static readonly Option<string?> TargetOption = new("--target") { Description = "A described target (\"the \\\"Save\\\" button\", \"the City field of the billing address\"): which element the offline grounder chooses, and why." };

    private static readonly Option<bool> ElementsOption = new("--elements") { Description = "List the page's elements as the offline grounder sees them (role, name, states, box, scopes)." };

    public static Command Create()
    {
        var command = new Command("inspect", "Print the facts of the element at a point (tag, role, accessible name, text, box, robust locator), the element a described target resolves to, or every element the offline grounder sees.\nExamples: visual-agent inspect --url samples:login/ --at 640,300\n          visual-agent inspect --url samples:login/ --target 'the \"Log in\" button'\n          visual-agent inspect --url samples:login/ --elements --json\n          visual-agent inspect --desktop --display :99 --at 960,540");
        command.Options.Add(UrlOption);
        command.Options.Add(AtOption);
        command.Options.Add(TargetOption);
        command.Options.Add(ElementsOption);
        command.Options.Add(CommonOptions.Json);
        BrowserCommandOptions.AddOptions(command);
        DesktopCommandOptions.AddOptions(command);
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
        var at = context.Get(AtOption);
        var target = context.Get(TargetOption);
        var list = context.Get(ElementsOption);
        if ((at is null ? 0 : 1) + (target is null ? 0 : 1) + (list ? 1 : 0) != 1)
        {
            throw new UsageException("Give exactly one of --at X,Y, --target PHRASE or --elements.");
        }

        if (DesktopCommandOptions.Wanted(context) == (context.Get(UrlOption) is not null))
        {
            throw new UsageException("Give either --url URL (a page) or --desktop (the X11 screen), not both or neither.");
        }

        await using var desktop = DesktopCommandOptions.Wanted(context) ? await DesktopCommandOptions.OpenSessionAsync(context, ct).ConfigureAwait(false) : null;
        await using var session = desktop is null ? await BrowserCommandOptions.OpenSessionAsync(context, context.Get(UrlOption), null, ct).ConfigureAwait(false) : null;
        if (desktop is { Driver.HasAccessibility: false } && !context.Json)
        {
            CliOutput.Err.WriteLine($"pixels only: {desktop.Driver.AccessibilityStatus}");
        }

        if (at is null)
        {
            return await ElementsAsync(context, (IElementQuery?)desktop?.Driver ?? session!.Driver, target, ct).ConfigureAwait(false);
        }

        var point = ParsePoint(at, "--at");
        var facts = await ((IUiDriver?)desktop?.Driver ?? session!.Driver).ElementAtAsync(point, ct).ConfigureAwait(false);
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

    private static async Task<int> ElementsAsync(VerbContext context, IElementQuery elements, string? target, CancellationToken ct)
    {
        var snapshot = await elements.QueryElementsAsync(4000, ct).ConfigureAwait(false);
        if (target is null)
        {
            if (context.Json)
            {
                CliOutput.WriteJson(snapshot);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("#", "role", "name", "text", "states", "box", "scopes");
            foreach (var e in snapshot.Elements)
            {
                table.AddRow(
                    e.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(e.Role), Markup.Escape(Short(e.Name)), Markup.Escape(Short(e.OwnText)),
                    Markup.Escape(States(e)), Markup.Escape(e.VisibleBox?.ToString() ?? "(off screen)"), Markup.Escape(Short(string.Join(" < ", e.Scopes.Select(s => $"{s.Kind} {s.Name}")))));
            }

            CliOutput.Out.Write(table);
            CliOutput.Out.WriteLine($"{snapshot.Elements.Count} elements{(snapshot.Truncated ? " (cut at the limit)" : "")}{(snapshot.Unreadable.Count > 0 ? "; unreadable: " + string.Join(", ", snapshot.Unreadable) : "")}");
            return ExitCodes.Success;
        }

        var spec = Agent.Targets.TargetPhrase.Parse(target);
        var resolution = Agent.Targets.TargetResolver.Resolve(spec, snapshot.Elements);
        if (context.Json)
        {
            CliOutput.WriteJson(new { target, spec.Text, spec.Kind, spec.Ordinal, spec.Scope, spec.ScopeKind, resolution.How, resolution.Problem, resolution.Matches, resolution.Ambiguous, resolution.Element });
        }
        else if (resolution.Element is { } found)
        {
            CliOutput.Out.WriteLine($"{target} -> {resolution.How}{(resolution.Ambiguous ? " (ambiguous)" : "")} at {found.VisibleBox?.ToString() ?? found.Box + " (off screen)"}; {States(found)}");
        }
        else
        {
            CliOutput.Out.WriteLine($"{target} -> not found: {resolution.Problem}");
        }

        return resolution.Element is null ? ExitCodes.TaskFailed : ExitCodes.Success;
    }

    private static string States(UiElement e)
    {
        var s = e.States;
        var parts = new List<string>();
        if (s.Checked is { } c) { parts.Add(s.Mixed ? "mixed" : c ? "checked" : "unchecked"); }
        if (s.Selected == true) { parts.Add("selected"); }
        if (s.Expanded is { } x) { parts.Add(x ? "expanded" : "collapsed"); }
        if (s.Pressed is { } p) { parts.Add(p ? "pressed" : "not pressed"); }
        if (s.Disabled) { parts.Add("disabled"); }
        if (s.Editable) { parts.Add("editable"); }
        if (e.Value is { Length: > 0 } v) { parts.Add($"value \"{Short(v)}\""); }
        if (!e.HitAtCentre && e.VisibleBox is not null) { parts.Add("covered"); }
        if (e.InProse) { parts.Add("prose"); }
        return string.Join(", ", parts);
    }

    private static string Short(string s) => s.Length > 40 ? s[..39] + "…" : s;

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
        Row("ranked locators", facts.Locators is { Count: > 0 } ranked
            ? $"{ranked.Count} ({ranked.Count(l => l.Unique)} unique; Playwright's engine confirmed {ranked.Count(l => l.Playwright == true)}, refused {ranked.Count(l => l.Playwright == false)})"
            : null);
        Row("css", facts.Css);
        Row("label", facts.Label);
        Row("placeholder", facts.Placeholder);
        Row("test id", facts.TestId);
        Row("input type", facts.InputType);
        Row("frames", facts.Frames.Count > 0 ? string.Join(" > ", facts.Frames) : null);
        Row("in shadow DOM", facts.InShadowDom ? "yes" : null);
        Row("element path", facts.Path);
        CliOutput.Out.Write(table);
    }
}
