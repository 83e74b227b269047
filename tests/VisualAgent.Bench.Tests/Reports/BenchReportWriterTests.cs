using System.Text.Json;
using VisualAgent.Bench.Reports;
using VisualAgent.Bench.Scoring;
using VisualAgent.Bench.Suites;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Tests.Reports;

public sealed class BenchReportWriterTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task WriteAsync_GroupedResults_SummaryHasShapeBreakdownsAndCosts()
    {
        var samples = Enumerable.Range(0, 6).Select(i => new BenchSample
        {
            Id = $"s{i}",
            Kind = SuiteKind.Grounding,
            Groups = new Dictionary<string, string> { ["platform"] = i < 4 ? "web" : "desktop", ["ui_type"] = i % 2 == 0 ? "text" : "icon" },
        }).ToList();
        var suite = new LoadedSuite("tiny", SuiteKind.Grounding, "tiny.json", samples, [new SuiteIssue(9, "bad", "needs bbox")]);
        // web: 3 of 4 right; desktop: 0 of 2 -> micro 0.5, macro over platform (0.75 + 0) / 2 = 0.375.
        var results = samples.Select((s, i) => Result(s, i is 0 or 1 or 2 ? 1 : 0, latency: 100 + (i * 10), cause: i == 5 ? "timeout" : null)).ToList();
        var info = new ModelRunInfo { Model = "m", Wall = TimeSpan.FromHours(0.5), RanNow = 6, Price = new ModelPrice { PerGpuHour = 2 } };
        var summary = BenchSummarizer.Summarize(suite, [(info, results)], Now);
        var dir = Path.Combine(Path.GetTempPath(), "va-bench-tests", "writer-" + Guid.NewGuid().ToString("N")[..8]);

        await BenchReportWriter.WriteAsync(dir, summary, suite, results, true, TestContext.Current.CancellationToken);

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var model = doc.RootElement.GetProperty("models")[0];
        Assert.Equal(0.5, model.GetProperty("score").GetDouble());
        Assert.Equal(6, model.GetProperty("n").GetInt32());
        var ci = model.GetProperty("ci95").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.True(ci[0] < 0.5 && ci[1] > 0.5);
        var platform = summary.Models[0].Breakdowns.Single(b => b.Name == "platform");
        Assert.Equal((0.5, 0.375), (platform.Micro, platform.Macro));
        Assert.Contains(summary.Models[0].Breakdowns, b => b.Name == "platform x ui_type" && b.Cells.Count == 4);
        Assert.Equal(1.0, summary.Models[0].Cost!.Amount);
        Assert.Equal(1, summary.Models[0].Failures["timeout"]);
        Assert.Equal("n/a", summary.Models[0].GpuPeakMemory);
        Assert.Equal(9, doc.RootElement.GetProperty("input_issues")[0].GetProperty("line").GetInt32());
        var csv = File.ReadAllLines(Path.Combine(dir, "groups.csv"));
        Assert.Equal("model,simulated,breakdown,cell,n,score", csv[0]);
        Assert.Contains(csv, l => l.StartsWith("m,false,platform,(macro: mean over cells),2,0.375000", StringComparison.Ordinal));
        var md = File.ReadAllText(Path.Combine(dir, "summary.md"));
        Assert.Contains("**macro** (mean over 2 cells)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_SimulatedModelWithoutResults_KeepsScoreNullAndSaysSimulated()
    {
        var suite = new LoadedSuite("s", SuiteKind.Vqa, "s.jsonl", [new BenchSample { Id = "a", Kind = SuiteKind.Vqa }], []);

        var summary = BenchSummarizer.Summarize(suite, [(new ModelRunInfo { Model = "sim-blip2", Simulated = true, Status = ModelRunStatus.NotSupported, Message = "not supported: x" }, [])], Now);

        var json = JsonSerializer.Serialize(summary, BenchReportWriter.Json);
        Assert.Contains("\"score\": null", json, StringComparison.Ordinal);
        Assert.Contains("SIMULATED", summary.Notes[0], StringComparison.Ordinal);
        Assert.Contains("sim-blip2 (simulated)", MarkdownReport.Render(summary), StringComparison.Ordinal);
    }

    private static SampleResult Result(BenchSample sample, double score, double latency, string? cause) => new()
    {
        Model = "m",
        Id = sample.Id,
        Kind = "grounding",
        Status = cause is null ? SampleResult.StatusOk : SampleResult.StatusFailed,
        Cause = cause,
        Score = score,
        LatencyMs = latency,
        Groups = new Dictionary<string, string>(sample.Groups),
        PromptTokens = 10,
    };
}
