using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using VisualAgent.Bench.Scoring;
using VisualAgent.Cli.Hosting;
using VisualAgent.Errors;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent bench score`: scores grounding predictions made elsewhere (point in box, edges inclusive).</summary>
internal static class BenchScoreCommand
{
    private static readonly Option<FileInfo> PredictionsOption = new("--predictions")
    {
        Description = "JSONL: {\"id\", \"gt_bbox\": [x1,y1,x2,y2], \"pred_point\": [x,y]} or \"pred_bbox\", or \"raw\" + \"dialect\" + \"image_width\"/\"image_height\".",
        Required = true,
    };

    private static readonly Option<string?> GroupByOption = new("--group-by") { Description = "Fields to break results down by (cross product), e.g. platform,ui_type." };

    private static readonly Option<string> FormatOption = new("--format")
    {
        Description = "table, json or csv.",
        DefaultValueFactory = _ => "table",
    };

    public static Command Create()
    {
        FormatOption.AcceptOnlyFromAmong("table", "json", "csv");
        var command = new Command("score", "Score predictions made elsewhere: point in box (edges inclusive), per group, macro average, wrong-format count.\nExample: visual-agent bench score --predictions preds.jsonl --group-by platform,ui_type");
        command.Options.Add(PredictionsOption);
        command.Options.Add(GroupByOption);
        command.Options.Add(FormatOption);
        command.Options.Add(CommonOptions.Json);
        command.SetHandler(RunAsync);
        return command;
    }

    private static Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var file = context.Get(PredictionsOption)!;
        if (!file.Exists)
        {
            throw new UsageException($"The predictions file '{file.FullName}' does not exist.");
        }

        var groupBy = (context.Get(GroupByOption) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        using var reader = file.OpenText();
        var (lines, skipped) = new PredictionReader(new DialectReplyPointParser()).Read(reader);
        var report = PointScorer.Score(lines, groupBy, skipped);
        foreach (var s in skipped)
        {
            CliOutput.Warn($"line {s.Line} skipped: {s.Reason}");
        }

        var format = context.Json ? "json" : context.Get(FormatOption);
        switch (format)
        {
            case "json":
                CliOutput.WriteJson(report);
                break;
            case "csv":
                WriteCsv(report, groupBy);
                break;
            default:
                WriteTable(report, groupBy);
                break;
        }

        return Task.FromResult(lines.Count == 0 ? ExitCodes.Usage : ExitCodes.Success);
    }

    private static void WriteTable(ScoreReport report, IReadOnlyList<string> groupBy)
    {
        var table = new Table().AddColumns([.. groupBy, "n", "correct", "accuracy"]);
        foreach (var g in report.Groups)
        {
            table.AddRow([.. groupBy.Select(k => Markup.Escape(g.Key[k])), Num(g.N), Num(g.Correct), F(g.Accuracy)]);
        }

        table.AddRow([.. groupBy.Select((_, i) => i == 0 ? "[bold]overall (micro)[/]" : ""), Num(report.N), Num(report.Correct), $"[bold]{F(report.Accuracy)}[/]"]);
        CliOutput.Out.Write(table);
        CliOutput.Out.MarkupLine($"macro accuracy (mean over {Math.Max(1, report.Groups.Count)} cells): [bold]{F(report.MacroAccuracy)}[/]   wrong format: {report.WrongFormat}"
            + (report.MeanIou is { } iou ? $"   mean IoU (box predictions): {F(iou)}" : "")
            + "   (a point on the box edge counts as inside)");
    }

    /// <summary>Columns: scope (cell, overall, macro), the group fields, n, correct, accuracy, wrong_format.</summary>
    private static void WriteCsv(ScoreReport report, IReadOnlyList<string> groupBy)
    {
        using var csv = CsvHelper.CsvWriter.Create(Console.Out, new CsvHelper.CsvWriterOptions(), true);
        csv.WriteRecord([.. (string[])["scope", .. groupBy, "n", "correct", "accuracy", "wrong_format"]]);
        foreach (var g in report.Groups)
        {
            csv.WriteRecord([.. (string[])["cell", .. groupBy.Select(k => g.Key[k]), Num(g.N), Num(g.Correct), F(g.Accuracy), ""]]);
        }

        var blanks = groupBy.Select(_ => "").ToArray();
        csv.WriteRecord([.. (string[])["overall", .. blanks, Num(report.N), Num(report.Correct), F(report.Accuracy), Num(report.WrongFormat)]]);
        csv.WriteRecord([.. (string[])["macro", .. blanks, Num(Math.Max(1, report.Groups.Count)), "", F(report.MacroAccuracy), ""]]);
        csv.Flush();
    }

    private static string F(double v) => v.ToString("0.000000", CultureInfo.InvariantCulture);

    private static string Num(int v) => v.ToString(CultureInfo.InvariantCulture);
}
