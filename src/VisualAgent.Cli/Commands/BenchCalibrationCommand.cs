using System.CommandLine;
using VisualAgent.Bench.Scoring;
using VisualAgent.Cli.Hosting;
using VisualAgent.Errors;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent bench calibration`: a grounding run's confidence bins against its accuracy.</summary>
internal static class BenchCalibrationCommand
{
    private static readonly Option<FileSystemInfo> ResultsOption = new("--results") { Description = "A bench run output folder (every results/*.jsonl) or one results/<model>.jsonl file.", Required = true };

    public static Command Create()
    {
        var command = new Command("calibration", "Reliability table of a grounding run: answers binned by the model's confidence, accuracy per bin, expected calibration error, wrong answers at confidence >= 0.95 (models that report a confidence: ocr).\n"
            + "Example: visual-agent bench calibration --results bench-out/grounding-devpages");
        command.Options.Add(ResultsOption);
        command.Options.Add(CommonOptions.Json);
        command.SetHandler(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var tables = await CalibrationReader.ReadAsync(context.Get(ResultsOption)!.FullName, ct).ConfigureAwait(false);
        if (context.Json)
        {
            CliOutput.WriteJson(tables);
            return ExitCodes.Success;
        }

        if (tables.Count == 0)
        {
            CliOutput.Warn("no grounding result with a confidence was found");
            return ExitCodes.Usage;
        }

        foreach (var (model, table) in tables)
        {
            CliOutput.Out.WriteLine($"## {model}");
            CliOutput.Out.WriteLine(table.ToMarkdown());
        }

        return ExitCodes.Success;
    }
}
