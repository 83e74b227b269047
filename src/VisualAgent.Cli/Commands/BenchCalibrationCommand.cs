using System.CommandLine;
using System.Text.Json;
using VisualAgent.Bench.Datasets;
using VisualAgent.Bench.Runner;
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
        var path = context.Get(ResultsOption)!.FullName;
        var files = Directory.Exists(path) ? Directory.GetFiles(Path.Combine(path, "results"), "*.jsonl").Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path]
            : throw new UsageException($"'{path}' is neither a bench output folder nor a results file.");
        var tables = new Dictionary<string, ReliabilityTable>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var answers = new List<(double, bool, bool)>();
            foreach (var line in await File.ReadAllLinesAsync(file, ct).ConfigureAwait(false))
            {
                if (line.Length == 0 || JsonSerializer.Deserialize<SampleResult>(line, ResultStore.Json) is not { } r || r.Kind != "grounding")
                {
                    continue;
                }

                var confidence = r.Metrics.GetValueOrDefault("confidence", -1);
                if (r.Ok && confidence < 0)
                {
                    continue; // the model gives no confidence
                }

                answers.Add((Math.Max(0, confidence), r.Ok, r.Score >= 1));
            }

            if (answers.Count > 0)
            {
                tables[Path.GetFileNameWithoutExtension(file)] = ReliabilityTable.Of(answers);
            }
        }

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
