using System.CommandLine;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent bench ...`: benchmark suites, scoring and component timings.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks: score predictions, run suites over several models, time components.\nExample: visual-agent bench score --predictions preds.jsonl");
        command.Subcommands.Add(BenchScoreCommand.Create());
        command.Subcommands.Add(BenchRunCommand.Create());
        command.Subcommands.Add(BenchGroundingSetCommand.Create());
        command.Subcommands.Add(BenchCalibrationCommand.Create());
        command.Subcommands.Add(BenchReplayCommand.Create());
        foreach (var component in BenchComponentsCommand.Create())
        {
            command.Subcommands.Add(component);
        }
        return command;
    }
}
