using System.CommandLine;

namespace VisualAgent.Cli.Hosting;

/// <summary>Options several verbs share.</summary>
internal static class CommonOptions
{
    public static Option<string?> Config { get; } = new("--config")
    {
        Description = "An appsettings-style JSON file read after the one beside the executable (instead of ./appsettings.json).",
        Recursive = true,
    };

    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the result as JSON instead of a table.",
    };

    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log details to stderr (prompts, replies and images are never logged above Trace).",
        Recursive = true,
    };
}
