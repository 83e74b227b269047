using VisualAgent.Bench.Tasks;
using VisualAgent.Runs;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Tasks;

/// <summary>Tasks of samples/tasks/tasks-samples.json through <see cref="BenchTaskRunner"/>, judged by the apps themselves.</summary>
public sealed class SampleTaskTests(E2eFixture fixture)
{
    [Theory]
    [InlineData("login-success")]
    [InlineData("forms-upload")]
    public async Task RunAsync_OfflineGrammarTaskWithOcr_Succeeds(string id)
    {
        using var runs = new TempFolder("ocr-" + id);

        var outcome = await BenchTaskRunner.RunAsync(fixture.Suite[id], fixture.Options("ocr", runs.Path), TestContext.Current.CancellationToken);

        Assert.True(outcome.Success, outcome.Cause);
        Assert.Equal(RunStatus.Succeeded, outcome.Status);
        Assert.False(outcome.Simulated);
        Assert.Equal(0, outcome.ModelCalls);
        Assert.Equal(id, RunFolder.RunJson(outcome.RunFolder!).GetProperty("settings").GetProperty("task").GetString());
    }

    [Fact]
    public async Task RunAsync_FreeFormInstructionWithOcr_FailsWithoutUsingTheSolution()
    {
        using var runs = new TempFolder("ocr-free");

        var outcome = await BenchTaskRunner.RunAsync(fixture.Suite["orders-filter-pending"], fixture.Options("ocr", runs.Path), TestContext.Current.CancellationToken);

        Assert.False(outcome.Success);
        Assert.StartsWith("instruction is not in the offline step grammar", outcome.Cause, StringComparison.Ordinal);
        Assert.Equal(0, outcome.Steps);
        Assert.Null(outcome.RunFolder);
    }

    [Theory]
    [InlineData("login-retry")]
    [InlineData("orders-v2-edit-page-2")]
    [InlineData("forms-submit")]
    [InlineData("forms-iframe")]
    [InlineData("scroll-inner-item-42")]
    public async Task RunAsync_TaskThroughSimulatedQwen3Vl_Succeeds(string id)
    {
        using var runs = new TempFolder("sim-" + id);

        var outcome = await BenchTaskRunner.RunAsync(fixture.Suite[id], fixture.Options("sim-qwen3-vl", runs.Path), TestContext.Current.CancellationToken);

        Assert.True(outcome.Success, $"{outcome.Cause} [{string.Join("; ", outcome.Notes)}]");
        Assert.True(outcome.Simulated);
        Assert.True(outcome.ModelCalls > outcome.Steps, $"{outcome.ModelCalls} calls for {outcome.Steps} steps (the last call says done)");
        Assert.True(outcome.Steps <= fixture.Suite[id].MaxSteps);
        Assert.True(RunFolder.RunJson(outcome.RunFolder!).GetProperty("simulated").GetBoolean());
        Assert.All(RunFolder.Steps(outcome.RunFolder!), s => Assert.Equal("sim-qwen3-vl", RunFolder.String(s, "model")));
    }
}
