using System.Text.Json.Nodes;
using System.Text.Json;
using VisualAgent.Bench.Contestants;
using VisualAgent.Bench.Metrics;
using VisualAgent.Bench.Runner;
using VisualAgent.Models.Profiles;
using VisualAgent.Simulator;
using VisualAgent.Tests.Datasets;

namespace VisualAgent.Tests.Runner;

/// <summary>Harness overhead and throughput against the simulated server (figures printed, not asserted beyond sanity).</summary>
[Trait("Category", "Benchmark")]
public sealed class BenchRunnerMeasurements(BrowserFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Measure_OverheadAndThroughput_AgainstTheSimulatedServer()
    {
        var dir = BrowserFixture.NewFolder("bench-measure");
        var (tiny, valid) = await BenchTestData.WriteGroundingSuiteAsync(fixture, dir, Ct);
        var entries = JsonNode.Parse(await File.ReadAllTextAsync(tiny, Ct))!.AsArray().Take(valid).ToList();
        var many = new JsonArray();
        for (var i = 0; i < 64; i++)
        {
            var e = entries[i % entries.Count]!.DeepClone().AsObject();
            e["id"] = $"m{i:D3}";
            many.Add(e);
        }

        var suite = Path.Combine(dir, "many.json");
        await File.WriteAllTextAsync(suite, many.ToJsonString(), Ct);
        var sim = ModelProfiles.Simulated("qwen3-vl");
        sim.MaxConcurrency = 16;
        var profiles = new ModelProfiles([sim]);

        // Zero latency, one at a time: the time between consecutive finishes is the harness's whole per-sample cost.
        await RunAsync(suite, Path.Combine(dir, "warm"), 1, profiles, null, null);
        var finishes = new List<long>();
        var zero = await RunAsync(suite, Path.Combine(dir, "zero"), 1, profiles, null, p => finishes.Add(TimeProvider.System.GetTimestamp()));
        var gaps = finishes.Zip(finishes.Skip(1), (a, b) => TimeProvider.System.GetElapsedTime(a, b).TotalMilliseconds).ToList();
        var http = zero.Summary.Models[0].LatencyMs!.P50;
        Report($"MEASURE zero-latency per-sample wall p50 {Percentiles.Of(gaps, 50):0.00} ms; HTTP p50 {http:0.00} ms; overhead beyond HTTP ~{Percentiles.Of(gaps, 50) - http:0.00} ms");

        foreach (var k in new[] { 1, 4, 16 })
        {
            var result = await RunAsync(suite, Path.Combine(dir, $"k{k}"), k, profiles,
                (_, server) => server.InjectFault(new SimulatedFault(SimulatedFaultKind.Latency) { Count = null, Delay = TimeSpan.FromMilliseconds(200) }), null);
            var m = result.Summary.Models[0];
            Assert.True(m.N == 64, $"{m.N} {m.Status} {m.Message} {string.Join(',', m.Failures)} pending {m.Pending}");
            Report($"MEASURE 200 ms simulated latency, concurrency {k}: {m.SamplesPerSecond:0.00} samples/s ({m.WallSeconds:0.00} s for 64), p50 {m.LatencyMs!.P50:0} ms");
        }
    }

    private static void Report(string line)
    {
        TestContext.Current.SendDiagnosticMessage(line);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "va-bench-measurements.txt"), line + Environment.NewLine);
    }

    private async Task<BenchRunResult> RunAsync(string suite, string outDir, int k, ModelProfiles profiles, Action<string, SimulatedServer>? configure, Action<BenchProgress>? onProgress) =>
        await BenchRunner.RunAsync(new BenchRunOptions
        {
            Suite = suite,
            Models = ["sim-qwen3-vl"],
            OutDir = outDir,
            Concurrency = k,
            Profiles = profiles,
            Browser = fixture.Browser,
            ProgressInterval = TimeSpan.Zero,
            WriteHtml = false,
            ModelOptions = new BenchModelOptions { ConfigureSimulator = configure },
        }, onProgress is null ? null : new Sync(onProgress), Ct);

    private sealed class Sync(Action<BenchProgress> report) : IProgress<BenchProgress>
    {
        public void Report(BenchProgress value)
        {
            if (value.Message is null && !value.Finished)
            {
                report(value);
            }
        }
    }
}
