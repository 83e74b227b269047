using System.Text.Json;
using Spectre.Console;
using VisualAgent.Errors;

namespace VisualAgent.Cli.Hosting;

/// <summary>
/// How verbs print: Spectre for people, one JSON document with --json for programs. Errors and logs go to stderr.
/// A stream that is not a terminal (a pipe, a file) is never wrapped: run ids, paths and instructions stay on one line
/// and tables keep their columns, however wide.
/// </summary>
internal static class CliOutput
{
    /// <summary>The width given to a redirected stream: wider than any line a verb prints, so nothing wraps.</summary>
    internal const int UnwrappedWidth = 1_000_000;

    public static IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);

    public static IAnsiConsole Err { get; } = Create(Console.Error, Console.IsErrorRedirected);

    public static JsonSerializerOptions Json { get; } = new(Actions.ActionJson.Indented)
    {
        WriteIndented = true,
    };

    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Json));

    public static void Error(string message) => Err.MarkupLineInterpolated($"[red]error:[/] {UrlRedaction.Redact(message)}");

    public static void Warn(string message) => Err.MarkupLineInterpolated($"[yellow]warning:[/] {message}");

    public static void Info(string message) => Err.MarkupLineInterpolated($"[grey]{message}[/]");

    /// <summary>True when a person is at a terminal (no redirected stdin/stdout).</summary>
    public static bool Interactive => !Console.IsInputRedirected && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null;

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }
}
