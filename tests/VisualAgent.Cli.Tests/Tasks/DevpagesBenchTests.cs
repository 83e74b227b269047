using System.Text.Json;
using VisualAgent.Bench.Runner;
using VisualAgent.Bench.Tasks;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Tasks;

/// <summary>
/// The devpages development set (../shared/devpages: third-party W3C ARIA widget pages, read-only, not in the repository;
/// CI has a copy). CI runs a 5-task subset with `offline`; the whole set is a benchmark (Category=Benchmark).
/// </summary>
public sealed class DevpagesBenchTests(E2eFixture fixture)
{
    /// <summary>A checkbox, a radio group, manual tabs, a carousel opened with a query string, an icon-only toolbar.</summary>
    private static readonly string[] Subset = ["checkbox-lettuce-mustard", "radio-dine-in", "tabs-manual-muller", "carousel-foyle", "toolbar-bold-italic"];

    private static string Suite()
    {
        var suite = RepoPaths.DevpagesSuite;
        Assert.SkipWhen(suite is null, "../shared/devpages is absent: the devpages development set is not part of the repository (CI has a copy); set VISUALAGENT_DEVPAGES to its folder to run this test.");
        return suite!;
    }

    [Fact]
    public async Task BenchRun_FiveDevpagesTasksWithOffline_NoFalseSuccessAndEveryReportHasTheColumns()
    {
        var suite = Suite();
        using var dir = new TempFolder("devpages");
        var outDir = Path.Combine(dir.Path, "out");

        var result = await BenchRunner.RunAsync(new BenchRunOptions
        {
            Suite = suite, Models = ["offline"], OutDir = outDir, Browser = fixture.Browser, Only = Subset, Instructions = TaskInstructions.Solution, Concurrency = 2,
        }, null, TestContext.Current.CancellationToken);

        var model = Assert.Single(result.Summary.Models);
        var lines = File.ReadAllLines(Path.Combine(outDir, "results", "offline.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var table = string.Join("\n", lines.Select(l => $"{l.GetProperty("id")}: {l.GetProperty("verdict")}/{l.GetProperty("truth")} {(l.TryGetProperty("cause", out var c) ? c.GetString() : "")}"));
        Assert.True(model.FalseSuccesses == 0, table);
        Assert.Equal(5, model.N);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(0, summary.RootElement.GetProperty("models")[0].GetProperty("false_successes").GetInt32());
        Assert.Equal("solution", summary.RootElement.GetProperty("mode").GetString());
        Assert.Contains("false_successes,false_failures", File.ReadLines(Path.Combine(outDir, "models.csv")).First(), StringComparison.Ordinal);
        Assert.Contains("verdict,truth,false_success,false_failure,cause", File.ReadLines(Path.Combine(outDir, "samples.csv")).First(), StringComparison.Ordinal);
        Assert.Contains("| **false successes** | false failures |", File.ReadAllText(Path.Combine(outDir, "summary.md")), StringComparison.Ordinal);
        Assert.Contains("<th class=\"fs\">false successes</th>", File.ReadAllText(Path.Combine(outDir, "report.html")), StringComparison.Ordinal);

        // carousel-foyle's page is opened with ?paused=true: served over HTTP with the query string, the page is found.
        var foyle = lines.Single(l => l.GetProperty("id").GetString() == "carousel-foyle");
        var url = RunFolder.RunJson(foyle.GetProperty("run_folder").GetString()!).GetProperty("settings").GetProperty("url").GetString();
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/aria/patterns/carousel/examples/carousel-1-prev-next\.html\?paused=true$", url);
        Assert.Equal("carousel-1-prev-next", foyle.GetProperty("groups").GetProperty("app").GetString());
    }

    [Theory]
    [Trait("Category", "Benchmark")]
    [InlineData(TaskInstructions.Solution)]
    [InlineData(TaskInstructions.Instruction)]
    public async Task BenchRun_AllDevpagesTasks_OfflineHasNoFalseSuccess(TaskInstructions instructions)
    {
        var suite = Suite();
        var outDir = Path.Combine(Path.GetTempPath(), "va-devpages-" + instructions.ToString().ToLowerInvariant());

        var result = await BenchRunner.RunAsync(new BenchRunOptions
        {
            Suite = suite, Models = ["offline", "ocr"], OutDir = outDir, Browser = fixture.Browser, Instructions = instructions, Concurrency = 2,
        }, null, TestContext.Current.CancellationToken);

        foreach (var m in result.Summary.Models)
        {
            TestContext.Current.SendDiagnosticMessage($"{m.Model} ({instructions}): success {m.Score:0.000} of {m.N}, false successes {m.FalseSuccesses}, false failures {m.FalseFailures}, refused {m.Tasks?.RefusedByGrammar}, step p50 {m.Tasks?.StepMs?.P50:0} ms; {outDir}");
        }

        Assert.Equal(0, result.Summary.Models.Single(m => m.Model == "offline").FalseSuccesses);
    }
}
