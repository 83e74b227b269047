using System.Text.Json;
using Spectre.Console;
using VisualAgent.Errors;

namespace VisualAgent.Cli.Hosting;

/// <summary>How verbs print: Spectre for people, one JSON document with --json for programs. Errors go to stderr.</summary>
internal static class CliOutput
{
    public static IAnsiConsole Out { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Out),
        Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
        ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
    });

    public static IAnsiConsole Err { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        Ansi = Console.IsErrorRedirected ? AnsiSupport.No : AnsiSupport.Detect,
        ColorSystem = Console.IsErrorRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
    });

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
}
