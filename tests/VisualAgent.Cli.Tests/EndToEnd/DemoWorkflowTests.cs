using VisualAgent.Bench.Tasks;
using VisualAgent.Runs;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.EndToEnd;

/// <summary>The README's main job, offline through the real CLI and through the simulated model in every dialect that can act.</summary>
public sealed class DemoWorkflowTests(E2eFixture fixture)
{
    [Fact]
    public async Task RunDemo_Offline_SucceedsAndNoFileHoldsTheSecret()
    {
        using var work = new TempFolder("demo");
        var env = new Dictionary<string, string> { ["VISUAL_AGENT_DEMO_PASSWORD"] = DemoWorkflow.Password };

        var (exit, stdout, stderr) = await CliProcess.RunAsync(work.Path, env, TimeSpan.FromSeconds(120), "run", "--demo", "--runs", "runs");

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        var folder = RunFolder.Single(Path.Combine(work.Path, "runs"));
        var run = RunFolder.RunJson(folder);
        Assert.Equal("succeeded", RunFolder.String(run, "status"));
        Assert.False(run.GetProperty("simulated").GetBoolean());
        Assert.Contains("{{secret:VISUAL_AGENT_DEMO_PASSWORD}}", RunFolder.String(run, "goal"), StringComparison.Ordinal);
        var rows = DemoWorkflow.ExportedRows(folder);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Pending", r[3]));
        Assert.Empty(RunFolder.FilesContaining(folder, DemoWorkflow.Password));
        Assert.DoesNotContain(DemoWorkflow.Password, stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("qwen3-vl")]
    [InlineData("qwen2.5-vl")]
    [InlineData("ui-tars")]
    [InlineData("qwen2-vl")]
    [InlineData("generic-json")]
    [InlineData("llava")]
    [InlineData("minigpt-v2")]
    public async Task RunAsync_DemoThroughSimulatedModel_SucceedsInEveryActingDialect(string dialect)
    {
        using var runs = new TempFolder("sim-" + dialect);

        var outcome = await BenchTaskRunner.RunAsync(DemoWorkflow.Task("demo-" + dialect), fixture.Options("sim-" + dialect, runs.Path), TestContext.Current.CancellationToken);

        Assert.True(outcome.Success, $"{outcome.Cause}\n{string.Join("\n", outcome.Notes)}");
        Assert.Equal(RunStatus.Succeeded, outcome.Status);
        Assert.True(outcome.Simulated);
        Assert.True(outcome.ModelCalls >= 5, $"{outcome.ModelCalls} model calls");
        Assert.True(outcome.Tokens.PromptTokens > 0);
        var run = RunFolder.RunJson(outcome.RunFolder!);
        Assert.True(run.GetProperty("simulated").GetBoolean());
        Assert.Equal("sim-" + dialect, RunFolder.String(run, "model"));
        Assert.All(DemoWorkflow.ExportedRows(outcome.RunFolder!), r => Assert.Equal("Pending", r[3]));
        Assert.Empty(RunFolder.FilesContaining(outcome.RunFolder!, DemoWorkflow.Password));
        Assert.Contains(RunFolder.Steps(outcome.RunFolder!), s => RunFolder.String(s, "raw_reply") is { Length: > 0 });
    }

    [Fact]
    public async Task RunAsync_Blip2_IsNotSupportedAndNothingRuns()
    {
        using var runs = new TempFolder("sim-blip2");

        var outcome = await BenchTaskRunner.RunAsync(DemoWorkflow.Task("demo-blip2"), fixture.Options("sim-blip2", runs.Path), TestContext.Current.CancellationToken);

        Assert.False(outcome.Success);
        Assert.StartsWith("not supported", outcome.Error, StringComparison.Ordinal);
        Assert.Null(outcome.RunFolder);
        Assert.Empty(Directory.GetDirectories(runs.Path));
    }
}
