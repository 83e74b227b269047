using System.Diagnostics;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.EndToEnd;

/// <summary>kill -9 in the middle of a run leaves a readable run folder with every finished step.</summary>
public sealed class KilledRunTests
{
    [Fact]
    public async Task Run_KilledMidRun_LeavesReadableRunFolder()
    {
        using var work = new TempFolder("killed");
        var names = Enumerable.Range(1, 30).Select(i => $"type \"user{i}\" into the Username field");
        var instruction = string.Join("; ", names);
        using var cli = CliProcess.Start(work.Path, null, "run", "--url", "samples:login/", "--max-steps", "60", "--runs", "runs", instruction);
        var runs = Path.Combine(work.Path, "runs");

        var watch = Stopwatch.StartNew();
        string? folder = null;
        while (watch.Elapsed < TimeSpan.FromSeconds(90) && !cli.HasExited)
        {
            folder = Directory.Exists(runs) ? Directory.GetDirectories(runs).FirstOrDefault(d => File.Exists(Path.Combine(d, "steps.jsonl"))) : null;
            if (folder is not null && File.ReadAllLines(Path.Combine(folder, "steps.jsonl")).Count(l => l.Length > 0) >= 3)
            {
                break;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.False(cli.HasExited, $"the run ended before it could be killed\n{cli.Stdout}\n{cli.Stderr}");
        Assert.NotNull(folder);
        cli.Kill();

        var run = RunFolder.RunJson(folder);
        Assert.Equal("running", RunFolder.String(run, "status"));
        Assert.Contains("user30", RunFolder.String(run, "goal"), StringComparison.Ordinal);
        var steps = RunFolder.Steps(folder);
        Assert.InRange(steps.Count, 3, 29);
        Assert.Equal(Enumerable.Range(1, steps.Count), steps.Select(s => s.GetProperty("index").GetInt32()));
        Assert.All(steps, s =>
        {
            Assert.Equal("ok", RunFolder.String(s, "outcome"));
            Assert.True(File.Exists(Path.Combine(folder, RunFolder.String(s, "screenshot")!)), $"missing {RunFolder.String(s, "screenshot")}");
        });
    }
}
