using System.Text.Json;
using VisualAgent.Bench.Contestants;
using VisualAgent.Bench.Runner;
using VisualAgent.Errors;
using VisualAgent.Models.Profiles;
using VisualAgent.Simulator;
using VisualAgent.Tests.Datasets;

namespace VisualAgent.Tests.Runner;

public sealed class BenchRunnerTests(BrowserFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_GroundingSuiteWithOcrAndTwoSimulatedDialects_WritesParsableOutputs()
    {
        var dir = BrowserFixture.NewFolder("bench-grounding");
        var (suite, valid) = await BenchTestData.WriteGroundingSuiteAsync(fixture, dir, Ct);
        var outDir = Path.Combine(dir, "out");

        var result = await BenchRunner.RunAsync(Options(suite, outDir, ["ocr", "sim-qwen3-vl", "sim-ui-tars"]), null, Ct);

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json"), Ct));
        var root = summary.RootElement;
        Assert.Equal(["suite", "models"], root.EnumerateObject().Take(2).Select(p => p.Name));
        Assert.Equal("tiny-screenspot", root.GetProperty("suite").GetString());
        var models = root.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(["ocr", "sim-qwen3-vl", "sim-ui-tars"], models.Select(m => m.GetProperty("model").GetString()));
        foreach (var m in models)
        {
            Assert.Equal(valid, m.GetProperty("n").GetInt32());
            Assert.InRange(m.GetProperty("score").GetDouble(), 0, 1);
        }

        // The simulator answers from the truth in each dialect's own space: every hit proves the coordinate round trip.
        Assert.All(models.Skip(1), m =>
        {
            Assert.Equal(1, m.GetProperty("score").GetDouble());
            Assert.True(m.GetProperty("simulated").GetBoolean());
        });
        Assert.False(models[0].GetProperty("simulated").GetBoolean());
        Assert.Equal(4, root.GetProperty("skipped_input").GetInt32());
        var reasons = root.GetProperty("input_issues").EnumerateArray().Select(i => i.GetProperty("reason").GetString()!).ToList();
        Assert.Contains(reasons, r => r.Contains("needs img_filename", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("outside", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("duplicate id", StringComparison.Ordinal));
        Assert.All(root.GetProperty("input_issues").EnumerateArray(), i => Assert.True(i.GetProperty("line").GetInt32() > 1));
        Assert.Contains("edges inclusive", root.GetProperty("rule").GetString(), StringComparison.Ordinal);
        foreach (var file in new[] { "models.csv", "groups.csv", "samples.csv", "summary.md", "report.html" })
        {
            Assert.True(new FileInfo(Path.Combine(outDir, file)).Length > 0, file);
        }

        Assert.Equal(valid, File.ReadAllLines(ResultStore.FileFor(outDir, "sim-ui-tars")).Length);
        Assert.Contains("sim-qwen3-vl (simulated)", await File.ReadAllTextAsync(Path.Combine(outDir, "summary.md"), Ct), StringComparison.Ordinal);
        Assert.Equal(3, result.Summary.Models.Count);
    }

    [Fact]
    public async Task RunAsync_CancelledMidwayAndKilledMidLine_RerunFinishesWithoutDuplicates()
    {
        var dir = BrowserFixture.NewFolder("bench-resume");
        var suite = BenchTestData.WriteVqaSuite(dir, 16);
        var outDir = Path.Combine(dir, "out");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var slow = Options(suite, outDir, ["sim-qwen3-vl"], concurrency: 2, configure: (_, server) =>
            server.InjectFault(new SimulatedFault(SimulatedFaultKind.Latency) { Count = null, Delay = TimeSpan.FromMilliseconds(150) }));
        var progress = new CallbackProgress(p =>
        {
            if (p.Done >= 4)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BenchRunner.RunAsync(slow, progress, cancel.Token));

        var file = ResultStore.FileFor(outDir, "sim-qwen3-vl");
        var firstRun = File.ReadAllLines(file).Length;
        Assert.InRange(firstRun, 4, 15);
        await File.AppendAllTextAsync(file, "{\"model\": \"sim-qwen3-vl\", \"id\": \"q15\", \"kind\": \"vq", Ct); // kill -9 mid-write

        var result = await BenchRunner.RunAsync(Options(suite, outDir, ["sim-qwen3-vl"], concurrency: 4), null, Ct);

        var ids = File.ReadAllLines(file).Select(TryId).OfType<string>().ToList();
        Assert.Equal(16, ids.Count);
        Assert.Equal(16, ids.Distinct().Count());
        var model = Assert.Single(result.Summary.Models);
        Assert.Equal(16, model.N);
        Assert.Equal(firstRun, model.Resumed);
        Assert.Equal(0, model.Pending);
        Assert.Equal("ok", model.Status);
    }

    [Fact]
    public async Task RunAsync_UnreachableModel_StopsOnlyThatModel()
    {
        var dir = BrowserFixture.NewFolder("bench-unreachable");
        var suite = BenchTestData.WriteVqaSuite(dir, 6);
        var dead = new ModelProfile { Name = "dead-qwen", Endpoint = $"http://127.0.0.1:{BenchTestData.ClosedPort()}/v1", Model = "m", Dialect = "qwen3-vl" };
        var options = Options(suite, Path.Combine(dir, "out"), ["dead-qwen", "sim-qwen3-vl"], profiles: new ModelProfiles([dead]));

        var started = TimeProvider.System.GetTimestamp();
        var result = await BenchRunner.RunAsync(options, null, Ct);

        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(20));
        var stopped = result.Summary.Models[0];
        Assert.Equal("unreachable", stopped.Status);
        Assert.Null(stopped.Score);
        Assert.Contains("dead-qwen", stopped.Message, StringComparison.Ordinal);
        Assert.Contains("unreachable", stopped.Message, StringComparison.Ordinal);
        var other = result.Summary.Models[1];
        Assert.Equal(("ok", 6, 1.0), (other.Status, other.N, other.Score));
    }

    [Fact]
    public async Task RunAsync_BadJsonlLines_AreSkippedCountedAndNamedByLine()
    {
        var dir = BrowserFixture.NewFolder("bench-malformed");
        var suite = BenchTestData.WriteVqaSuite(dir, 3,
            "{\"id\": \"broken\", \"image\": ",
            "{\"id\": \"q01\", \"image\": \"img0.png\", \"question\": \"again?\", \"answers\": [\"x\"]}",
            "{\"id\": \"gone\", \"image\": \"nope.png\", \"question\": \"where?\", \"answers\": [\"x\"]}",
            "{\"id\": \"noanswers\", \"image\": \"img0.png\", \"question\": \"what?\"}");

        var result = await BenchRunner.RunAsync(Options(suite, Path.Combine(dir, "out"), ["sim-qwen3-vl"]), null, Ct);

        Assert.Equal(3, result.Summary.Samples);
        Assert.Equal(4, result.Summary.SkippedInput);
        Assert.Equal([4, 5, 6, 7], result.Summary.InputIssues.Select(i => i.Line));
        Assert.Contains("malformed JSON", result.Summary.InputIssues[0].Reason, StringComparison.Ordinal);
        Assert.Contains("duplicate id 'q01'", result.Summary.InputIssues[1].Reason, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.Summary.InputIssues[2].Reason, StringComparison.Ordinal);
        Assert.Contains("answers", result.Summary.InputIssues[3].Reason, StringComparison.Ordinal);
        Assert.Equal(3, result.Summary.Models[0].N);
    }

    [Fact]
    public async Task RunAsync_TimeoutsAndUnparsableReplies_AreCountedByCauseAndTheRunGoesOn()
    {
        var dir = BrowserFixture.NewFolder("bench-faults");
        var suite = BenchTestData.WriteVqaSuite(dir, 6);
        var quick = ModelProfiles.Simulated("qwen2-vl");
        quick.TimeoutSeconds = 4; // long enough that only the hung sample times out on a busy 2-core machine
        var options = Options(suite, Path.Combine(dir, "out"), ["sim-qwen2-vl"], profiles: new ModelProfiles([quick]), configure: (_, server) =>
        {
            server.InjectFault(new SimulatedFault(SimulatedFaultKind.Hang) { When = "[sample q01]", Count = 1 });
            server.InjectFault(new SimulatedFault(SimulatedFaultKind.ContextTooLong) { When = "[sample q02]", Count = 1 });
            server.InjectFault(new SimulatedFault(SimulatedFaultKind.MalformedReply) { When = "[sample q03]", Count = 2 });
        });

        var result = await BenchRunner.RunAsync(options, null, Ct);

        var model = Assert.Single(result.Summary.Models);
        Assert.Equal(6, model.N);
        Assert.Equal(1, model.Failures["timeout"]);
        Assert.Equal(1, model.Failures["model_error"]);
        Assert.Equal(2, model.Failures.Values.Sum());
        Assert.Equal(3.0 / 6, model.Score!.Value, 6); // the malformed reply is read as a (wrong) prose answer, not a failure
    }

    [Fact]
    public async Task PreflightAsync_PresetWithOnlyUnreachableModels_FailsFastNamingEach()
    {
        var port = BenchTestData.ClosedPort();
        var profiles = new ModelProfiles(BenchPreset.BriefComparison.Models.Select(m =>
            new ModelProfile { Name = m, Endpoint = $"http://127.0.0.1:{port}/v1", Model = m, Dialect = "qwen3-vl" }));

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(() =>
            BenchPreset.PreflightAsync(BenchPreset.BriefComparison.Models, profiles, TimeSpan.FromSeconds(2), Ct));

        Assert.All(BenchPreset.BriefComparison.Models, m => Assert.Contains($"'{m}'", error.Message, StringComparison.Ordinal));
        Assert.Empty(await BenchPreset.PreflightAsync(["sim-qwen3-vl", "sim-blip2"], profiles, TimeSpan.FromSeconds(2), Ct));
    }

    private BenchRunOptions Options(
        string suite, string outDir, IReadOnlyList<string> models, int concurrency = 4, ModelProfiles? profiles = null, Action<string, SimulatedServer>? configure = null) => new()
    {
        Suite = suite,
        Models = models,
        OutDir = outDir,
        Concurrency = concurrency,
        Profiles = profiles ?? new ModelProfiles([]),
        Browser = fixture.Browser,
        ProgressInterval = TimeSpan.Zero,
        ModelOptions = new BenchModelOptions { Ocr = fixture.Ocr, ConfigureSimulator = configure },
    };

    private static string? TryId(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.GetProperty("id").GetString();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class CallbackProgress(Action<BenchProgress> report) : IProgress<BenchProgress>
    {
        public void Report(BenchProgress value) => report(value);
    }
}
