using System.Diagnostics;
using VisualAgent.Agent.Runs;
using VisualAgent.Runs;
using VisualAgent.Tests.Fakes;

namespace VisualAgent.Tests.Loop;

/// <summary>The loop's own cost per step with instant fakes (no screenshot, model or browser time): the target is 10 ms.</summary>
public sealed class LoopOverheadBenchmark
{
    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task RunAsync_InstantFakes_PrintsPerStepOverhead()
    {
        using var h = new Harness();
        h.Options = h.Options with { MaxSteps = 1000 };
        h.Grounder.With("Save", 100, 100).With("Name", 200, 200);
        var steps = string.Join("; ", Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? "click Save" : $"type n{i} into Name"));
        await h.RunAsync(steps, cancellationToken: TestContext.Current.CancellationToken);

        var sw = Stopwatch.StartNew();
        var result = await h.RunAsync(steps, cancellationToken: TestContext.Current.CancellationToken);
        sw.Stop();

        Assert.Equal(RunStatus.Succeeded, result.Record.Status);
        var records = RunReader.ReadSteps(result.Folder);
        var perStep = records.Select(r => r.TotalMs).Order().ToList();
        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine($"{records.Count} steps in {sw.Elapsed.TotalMilliseconds:0} ms (whole run incl. report): {sw.Elapsed.TotalMilliseconds / records.Count:0.00} ms/step");
        output.WriteLine($"step TotalMs median {perStep[perStep.Count / 2]:0.00} ms, p95 {perStep[(int)(perStep.Count * 0.95)]:0.00} ms, max {perStep[^1]:0.00} ms");
        output.WriteLine(File.ReadAllLines(Path.Combine(result.Folder, "steps.jsonl"))[1]);
        Assert.True(perStep[perStep.Count / 2] < 50, "the loop's overhead per step should be a few milliseconds");
    }
}
