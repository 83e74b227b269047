using System.Text.Json;
using VisualAgent.Bench.Runner;
using VisualAgent.Bench.Tasks;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Tasks;

/// <summary>A suite of local files through `bench run`: served on 127.0.0.1 with query strings, grouped by page, run concurrently.</summary>
public sealed class LocalSuiteBenchTests(E2eFixture fixture)
{
    private const string Page = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local page</title><script src="../lib/lib.js"></script></head>
        <body><h1>Local page</h1><p id="where"></p>
        <button onclick="window.clicks = (window.clicks || 0) + 1; this.textContent = 'Go again'">Go</button>
        <img src="https://www.w3.org/Icons/w3c_home" alt="">
        <script>document.getElementById('where').textContent = location.protocol + '//' + location.hostname + location.search;</script>
        </body></html>
        """;

    private const string Served = "location.protocol === 'http:' && location.hostname === '127.0.0.1' && location.search === '?paused=true' && window.libLoaded === true";

    [Fact]
    public async Task BenchRun_LocalPagesWithQueryStrings_AreServedAndTasksThatStartAlikeDoNotCollide()
    {
        using var dir = new TempFolder("local-suite");
        Directory.CreateDirectory(Path.Combine(dir.Path, "pages", "app"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "pages", "lib"));
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "pages", "app", "page.html"), Page, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "pages", "lib", "lib.js"), "window.libLoaded = true;", TestContext.Current.CancellationToken);
        var tasks = string.Join(",", new[] { "a", "b", "c" }.Select(id =>
            $$"""{"id": "{{id}}", "url": "pages/app/page.html?paused=true", "instruction": "click \"Go\"", "success_js": "{{Served}} && window.clicks === 1", "max_steps": 3}"""));
        var suite = Path.Combine(dir.Path, "local.json");
        await File.WriteAllTextAsync(suite, $$"""{"name": "local", "tasks": [{{tasks}}]}""", TestContext.Current.CancellationToken);

        var result = await BenchRunner.RunAsync(new BenchRunOptions
        {
            Suite = suite, Models = ["offline"], OutDir = Path.Combine(dir.Path, "out"), Browser = fixture.Browser, Concurrency = 3,
        }, null, TestContext.Current.CancellationToken);

        var model = Assert.Single(result.Summary.Models);
        Assert.True(model.Score == 1, model.Message ?? string.Join("; ", model.Failures.Select(f => f.Key)));
        Assert.Equal(0, model.FalseSuccesses);
        Assert.Equal("instruction", result.Summary.Mode);
        var lines = File.ReadAllLines(Path.Combine(dir.Path, "out", "results", "offline.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Select(l => l.GetProperty("run_folder").GetString()).Distinct(StringComparer.Ordinal).Count());
        Assert.All(lines, l => Assert.Equal("click \"Go\"", l.GetProperty("prompt").GetString()));
        Assert.All(lines, l => Assert.Equal("page", l.GetProperty("groups").GetProperty("app").GetString()));
        Assert.All(lines, l => Assert.StartsWith("http://127.0.0.1:", RunFolder.RunJson(l.GetProperty("run_folder").GetString()!).GetProperty("settings").GetProperty("url").GetString(), StringComparison.Ordinal));
        // Where each run started is recorded (replay and codegen open it), though the bench opened the page itself.
        Assert.All(lines, l =>
        {
            var run = RunFolder.RunJson(l.GetProperty("run_folder").GetString()!);
            Assert.Equal(run.GetProperty("settings").GetProperty("url").GetString(), run.GetProperty("start_url").GetString());
        });
    }

    [Fact]
    public async Task BenchRun_SolutionModeOnATaskWithoutSolution_ReportsItNotRunAndTheModeIsInTheKey()
    {
        using var dir = new TempFolder("solution-mode");
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "page.html"), Page.Replace("../lib/lib.js", "lib.js", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var suite = Path.Combine(dir.Path, "local.json");
        await File.WriteAllTextAsync(suite, """
            {"name": "local", "tasks": [
              {"id": "with", "url": "page.html", "instruction": "Make the page count one visit.", "solution": "click \"Go\"", "success_js": "window.clicks === 1"},
              {"id": "without", "url": "page.html", "instruction": "Make the page count one visit.", "success_js": "window.clicks === 1"}
            ]}
            """, TestContext.Current.CancellationToken);
        var options = new BenchRunOptions { Suite = suite, Models = ["offline"], OutDir = Path.Combine(dir.Path, "out"), Browser = fixture.Browser, Instructions = TaskInstructions.Solution };

        var solution = await BenchRunner.RunAsync(options, null, TestContext.Current.CancellationToken);
        var instruction = await BenchRunner.RunAsync(new BenchRunOptions { Suite = suite, Models = ["offline"], OutDir = options.OutDir, Browser = fixture.Browser }, null, TestContext.Current.CancellationToken);

        var m = Assert.Single(solution.Summary.Models);
        Assert.Equal(("solution", 1, 1, 1.0), (solution.Summary.Mode, m.N, m.NotRun, m.Score!.Value));
        Assert.Equal(0, m.Pending);

        // The same output folder in the other mode runs every task again: the plain-English instruction is refused.
        var again = Assert.Single(instruction.Summary.Models);
        Assert.Equal(("instruction", 2, 0, 0), (instruction.Summary.Mode, again.N, again.Resumed, again.Tasks!.Read));
        Assert.Equal(2, again.Tasks.RefusedByGrammar);
    }
}
