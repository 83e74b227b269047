using System.CommandLine;

namespace VisualAgent.Cli.Commands;

/// <summary>Every verb, in the order --help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return DoctorCommand.Create();
    }
}
