using System.Text.Json;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Commands;

/// <summary>
/// `bench run` end to end through the real executable: the OCR and task suites on the samples, with the offline OCR
/// grounder and the simulated server in two dialects; the outputs must exist and parse.
/// </summary>
public sealed class BenchRunCommandTests
{
    [Theory]
    [InlineData("ocr-samples", 4)]
    [InlineData("tasks-samples", 3)]
    [InlineData("grounding-samples", 6)]
    public async Task BenchRun_SuiteWithOcrAndTwoSimulatedDialects_WritesParsableReports(string suite, int limit)
    {
        var folder = TempFolder.Fresh();

        var (code, _, stderr) = await CliProcess.RunAsync(folder, "bench", "run", "--suite", suite, "--models", "ocr,sim-qwen3-vl,sim-ui-tars", "--limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", "out");

        Assert.True(code == 0, stderr);
        var outDir = Path.Combine(folder, "out");
        foreach (var file in new[] { "summary.json", "summary.md", "models.csv", "samples.csv", "report.html" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, file)), $"{file} missing");
        }

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json"), TestContext.Current.CancellationToken));
        Assert.Equal(suite, summary.RootElement.GetProperty("suite").GetString());
        var models = summary.RootElement.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!);
        Assert.Equal(["ocr", "sim-qwen3-vl", "sim-ui-tars"], models.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.Number, models["ocr"].GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Number, models["sim-qwen3-vl"].GetProperty("score").ValueKind);
        Assert.Equal(limit, models["sim-qwen3-vl"].GetProperty("n").GetInt32());
        Assert.True(models["sim-qwen3-vl"].GetProperty("simulated").GetBoolean());

        // Every per-sample result line parses, one per sample and model that ran.
        foreach (var results in Directory.GetFiles(Path.Combine(outDir, "results"), "*.jsonl"))
        {
            foreach (var line in await File.ReadAllLinesAsync(results, TestContext.Current.CancellationToken))
            {
                using var _ = JsonDocument.Parse(line);
            }
        }
    }

    [Fact]
    public async Task BenchRun_TasksWithInstructionsSolution_SummaryNamesTheModeAndCountsFalseSuccesses()
    {
        var folder = TempFolder.Fresh();

        var (code, _, stderr) = await CliProcess.RunAsync(folder, "bench", "run", "--suite", "tasks-samples", "--models", "offline", "--limit", "2", "--instructions", "solution", "--out", "out");

        Assert.True(code == 0, stderr);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "out", "summary.json"), TestContext.Current.CancellationToken));
        Assert.Equal("solution", summary.RootElement.GetProperty("mode").GetString());
        Assert.Equal(0, summary.RootElement.GetProperty("models")[0].GetProperty("false_successes").GetInt32());
        Assert.Contains(",false_successes,false_failures,", File.ReadLines(Path.Combine(folder, "out", "models.csv")).First(), StringComparison.Ordinal);
    }
}
