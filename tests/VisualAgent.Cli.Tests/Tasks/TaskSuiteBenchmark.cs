using System.Globalization;
using System.Text;
using VisualAgent.Bench.Tasks;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Tasks;

/// <summary>
/// Every task of tasks-samples.json with the offline ocr model and the simulated qwen3-vl (outside CI:
/// <c>dotnet test --filter Category=Benchmark</c>). Writes a table to va-task-suite.md in the temp folder.
/// </summary>
public sealed class TaskSuiteBenchmark(E2eFixture fixture)
{
    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task RunAsync_AllSampleTasks_ReportsSuccessPerModel()
    {
        using var runs = new TempFolder("suite");
        var table = new StringBuilder("| model | task | success | status | steps | calls | wall ms | cause |\n|---|---|---|---|---|---|---|---|\n");
        var totals = new Dictionary<string, (int Ok, int N)>();
        foreach (var model in new[] { "ocr", "sim-qwen3-vl" })
        {
            foreach (var task in fixture.Suite.Tasks)
            {
                var o = await BenchTaskRunner.RunAsync(task, fixture.Options(model, runs.Path), TestContext.Current.CancellationToken);
                var (ok, n) = totals.GetValueOrDefault(model);
                totals[model] = (ok + (o.Success ? 1 : 0), n + 1);
                var cause = (o.Cause ?? "") + (o.Notes.Count > 0 ? " [" + string.Join("; ", o.Notes) + "]" : "");
                table.Append(CultureInfo.InvariantCulture, $"| {model} | {o.Id} | {(o.Success ? "yes" : "no")} | {o.Status} | {o.Steps} | {o.ModelCalls} | {o.WallMs:0} | {cause.Replace('|', '/').Replace('\n', ' ')} |\n");
            }
        }

        foreach (var (model, (ok, n)) in totals)
        {
            table.Append(CultureInfo.InvariantCulture, $"\n{model}: {ok}/{n} tasks succeeded{(model.StartsWith("sim-", StringComparison.Ordinal) ? " (simulated)" : "")}\n");
        }

        var path = Path.Combine(Path.GetTempPath(), "va-task-suite.md");
        await File.WriteAllTextAsync(path, table.ToString(), TestContext.Current.CancellationToken);
        TestContext.Current.SendDiagnosticMessage(table.ToString());
        Assert.True(totals["sim-qwen3-vl"].Ok > 0);
    }
}
