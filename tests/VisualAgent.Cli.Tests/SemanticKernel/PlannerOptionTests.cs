using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.SemanticKernel;

/// <summary>`run --planner`: one naming for planner + grounder, the old --model spelling kept, bad combinations refused.</summary>
public sealed class PlannerOptionTests
{
    [Fact]
    public async Task Run_PlannerAndModelBoth_IsAUsageError()
    {
        var (code, _, stderr) = await CliProcess.RunAsync(TempFolder.Fresh(), "run", "--planner", "sk:gpt-4o", "--model", "qwen3-vl-8b", "--grounder", "offline", "log in");

        Assert.Equal(2, code);
        Assert.Contains("--planner and --model both name the planner", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_KernelPlannerOverTheOfflineProfile_SaysItNeedsAChatModel()
    {
        var (code, _, stderr) = await CliProcess.RunAsync(TempFolder.Fresh(), "run", "--planner", "sk:offline", "--grounder", "offline", "log in");

        Assert.Equal(2, code);
        Assert.Contains("no chat model", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_KernelPlannerOverASimulatedProfile_IsRefusedAsForAnyFreeTask()
    {
        var (code, _, stderr) = await CliProcess.RunAsync(TempFolder.Fresh(), "run", "--planner", "sk:sim-generic-json", "--grounder", "offline", "--url", "samples:login/", "log in as alice");

        Assert.Equal(2, code);
        Assert.Contains("simulated model", stderr, StringComparison.Ordinal);
    }
}
