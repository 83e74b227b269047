using System.Diagnostics;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.EndToEnd;

/// <summary>Every way a run can end leaves run.json and report.html saying how it ended.</summary>
public sealed class RunEndingTests
{
    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("HUP", 129)]
    public async Task Run_Signal_EndsInterruptedWithRunJsonAndReport(string signal, int exitCode)
    {
        using var work = new TempFolder("signal");
        var instruction = string.Join("; ", Enumerable.Range(1, 30).Select(i => $"type \"user{i}\" into the Username field"));
        using var cli = CliProcess.Start(work.Path, new Dictionary<string, string> { ["CI"] = "true" }, "run", "--url", "samples:login/", "--max-steps", "60", "--runs", "runs", instruction);
        var runs = Path.Combine(work.Path, "runs");
        var folder = await WaitForStepsAsync(cli, runs, 2);

        using (var kill = Process.Start("kill", ["-" + signal, cli.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var exit = await cli.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exit == exitCode, $"exit {exit}\n{cli.Stdout}\n{cli.Stderr}");
        var run = RunFolder.RunJson(folder);
        Assert.Equal("failed", RunFolder.String(run, "status"));
        Assert.Equal("interrupted", RunFolder.String(run, "reason"));
        Assert.Equal("interrupted", RunFolder.String(run, "cause"));
        Assert.NotNull(RunFolder.String(run, "ended_at"));
        Assert.Contains("interrupted", await File.ReadAllTextAsync(Path.Combine(folder, "report.html"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.InRange(RunFolder.Steps(folder).Count, 2, 29);
    }

    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task Run_GiantPage_EndsWithItsVerdictAndReport()
    {
        using var work = new TempFolder("giant");

        var (exit, stdout, stderr) = await CliProcess.RunAsync(work.Path, new Dictionary<string, string> { ["CI"] = "true" }, TimeSpan.FromMinutes(3),
            "run", "--url", "samples:hostile/giant.html", "--runs", "runs", "click \"Choose the first item\"; verify \"Chosen: first\"");

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        var folder = RunFolder.Single(Path.Combine(work.Path, "runs"));
        Assert.Equal("succeeded", RunFolder.String(RunFolder.RunJson(folder), "status"));
        Assert.True(File.Exists(Path.Combine(folder, "report.html")));
    }

    /// <summary>The run folder, once its steps.jsonl holds <paramref name="count"/> steps.</summary>
    private static async Task<string> WaitForStepsAsync(CliProcess cli, string runs, int count)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(90) && !cli.HasExited)
        {
            var folder = Directory.Exists(runs) ? Directory.GetDirectories(runs).FirstOrDefault(d => File.Exists(Path.Combine(d, "steps.jsonl"))) : null;
            if (folder is not null && File.ReadAllLines(Path.Combine(folder, "steps.jsonl")).Count(l => l.Length > 0) >= count)
            {
                return folder;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"the run did not record {count} steps while running\n{cli.Stdout}\n{cli.Stderr}");
        return "";
    }
}
