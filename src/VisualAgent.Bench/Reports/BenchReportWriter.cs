using System.Text.Json.Serialization;
using System.Text.Json;
using VisualAgent.Bench.Scoring;
using VisualAgent.Bench.Suites;

namespace VisualAgent.Bench.Reports;

/// <summary>Writes the output folder's reports: summary.json, models.csv, groups.csv, samples.csv, summary.md, report.html.</summary>
internal static class BenchReportWriter
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<IReadOnlyList<string>> WriteAsync(
        string outDir, BenchSummary summary, LoadedSuite suite, IReadOnlyList<SampleResult> results, bool html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(suite);
        Directory.CreateDirectory(outDir);
        var files = new List<string>();
        async Task Write(string name, string content)
        {
            var path = Path.Combine(outDir, name);
            var tmp = path + ".tmp";
            await File.WriteAllTextAsync(tmp, content, cancellationToken).ConfigureAwait(false);
            File.Move(tmp, path, true);
            files.Add(path);
        }

        var ids = suite.Samples.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var current = results.Where(r => ids.Contains(r.Id)).ToList();
        await Write("summary.json", JsonSerializer.Serialize(summary, Json)).ConfigureAwait(false);
        await Write("models.csv", CsvTables.Models(summary)).ConfigureAwait(false);
        await Write("groups.csv", CsvTables.Groups(summary)).ConfigureAwait(false);
        await Write("samples.csv", CsvTables.Samples(current, suite.Kind == SuiteKind.Tasks)).ConfigureAwait(false);
        await Write("summary.md", MarkdownReport.Render(summary, current)).ConfigureAwait(false);
        if (html)
        {
            await Write("report.html", HtmlReport.Render(summary, current)).ConfigureAwait(false);
        }

        return files;
    }
}
