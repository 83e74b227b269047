using System.CommandLine;

namespace VisualAgent.Cli.Commands;

/// <summary>Every verb, in the order --help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return RunCommand.Create();
        yield return RunsCommand.Create();
        yield return CodegenCommand.Create();
        yield return ReplayCommand.Create();
        yield return DoctorCommand.Create();
        yield return ScreenshotCommand.Create();
        yield return ActCommand.Create();
        yield return InspectCommand.Create();
        yield return ServeSamplesCommand.Create();
        yield return ParseCommand.Create();
        yield return GroundCommand.Create();
        yield return OcrCommand.Create();
        yield return BenchCommand.Create();
        yield return McpCommand.Create();
        yield return UiCommand.Create();
    }
}
