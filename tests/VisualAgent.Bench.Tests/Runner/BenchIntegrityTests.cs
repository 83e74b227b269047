using System.Text.Json;
using VisualAgent.Bench.Contestants;
using VisualAgent.Bench.Runner;
using VisualAgent.Bench.Scoring;
using VisualAgent.Errors;
using VisualAgent.Models.Client;
using VisualAgent.Simulator;
using VisualAgent.Tests.Datasets;
using VisualAgent.Vision;

namespace VisualAgent.Tests.Runner;

/// <summary>Bench results are right or they are an error: one run per folder, resume by content, transient errors retried, bad input apart.</summary>
public sealed class BenchIntegrityTests(BrowserFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_SecondRunOnTheSameOutFolder_FailsAtOnceAndTheFirstKeepsItsLinesWhole()
    {
        var dir = BrowserFixture.NewFolder("bench-lock");
        var suite = BenchTestData.WriteVqaSuite(dir, 8);
        var outDir = Path.Combine(dir, "out");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = Options(suite, outDir, concurrency: 1, configure: (_, server) =>
            server.InjectFault(new SimulatedFault(SimulatedFaultKind.Latency) { Count = null, Delay = TimeSpan.FromMilliseconds(150) }));
        var first = BenchRunner.RunAsync(slow, new CallbackProgress(p => { if (p.Done >= 1) { started.TrySetResult(); } }), Ct);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        var clock = TimeProvider.System.GetTimestamp();

        var second = await Assert.ThrowsAsync<UsageException>(() => BenchRunner.RunAsync(Options(suite, outDir), null, Ct));

        Assert.True(TimeProvider.System.GetElapsedTime(clock) < TimeSpan.FromSeconds(5));
        Assert.Contains("Another 'bench run' is writing to", second.Message, StringComparison.Ordinal);
        Assert.Contains("another --out", second.Message, StringComparison.Ordinal);
        var result = await first;
        Assert.Equal(8, Assert.Single(result.Summary.Models).N);
        var lines = File.ReadAllLines(ResultStore.FileFor(outDir, "sim-qwen3-vl"));
        Assert.Equal(8, lines.Length);
        Assert.All(lines, l => JsonDocument.Parse(l).Dispose());
        Assert.Equal(8, (await BenchRunner.RunAsync(Options(suite, outDir), null, Ct)).Summary.Models[0].Resumed); // the lock is released
    }

    [Fact]
    public async Task RunAsync_SampleEditedBetweenRuns_OnlyThatSampleRunsAgainWithItsNewContent()
    {
        var dir = BrowserFixture.NewFolder("bench-edit");
        var suite = BenchTestData.WriteVqaSuite(dir, 6);
        var outDir = Path.Combine(dir, "out");
        await BenchRunner.RunAsync(Options(suite, outDir), null, Ct);
        var edited = File.ReadAllLines(suite).Select(l => l.Replace("\"answers\": [\"1\", \"1\", \"1\"]", "\"answers\": [\"one\", \"one\", \"one\"]", StringComparison.Ordinal));
        await File.WriteAllLinesAsync(suite, edited, Ct);

        var rerun = await BenchRunner.RunAsync(Options(suite, outDir), null, Ct);

        var model = Assert.Single(rerun.Summary.Models);
        Assert.Equal(5, model.Resumed);
        Assert.Equal((6, 1.0), (model.N, model.Score!.Value));
        var (results, _) = ResultStore.Load(ResultStore.FileFor(outDir, "sim-qwen3-vl"));
        Assert.Equal("one", results["q01"].Prediction);
    }

    [Fact]
    public async Task RunAsync_ModeChangedBetweenRuns_EverySampleRunsAgain()
    {
        var dir = BrowserFixture.NewFolder("bench-mode");
        var suite = BenchTestData.WriteVqaSuite(dir, 4);
        var outDir = Path.Combine(dir, "out");
        await BenchRunner.RunAsync(Options(suite, outDir, mode: "instructions=instruction"), null, Ct);

        var same = await BenchRunner.RunAsync(Options(suite, outDir, mode: "instructions=instruction"), null, Ct);
        var other = await BenchRunner.RunAsync(Options(suite, outDir, mode: "instructions=solution"), null, Ct);

        Assert.Equal(4, same.Summary.Models[0].Resumed);
        Assert.Equal(0, other.Summary.Models[0].Resumed);
        Assert.Equal(4, other.Summary.Models[0].N);
    }

    [Fact]
    public async Task RunAsync_RateLimitedEveryTime_ErrorsNotScoresModelFailedAndAResumeRetriesThem()
    {
        var dir = BrowserFixture.NewFolder("bench-429");
        var suite = BenchTestData.WriteVqaSuite(dir, 4);
        var outDir = Path.Combine(dir, "out");
        var limited = Options(suite, outDir, configure: (_, server) =>
            server.InjectFault(new SimulatedFault(SimulatedFaultKind.RateLimit) { Count = null, RetryAfter = TimeSpan.Zero }));

        var first = Assert.Single((await BenchRunner.RunAsync(limited, null, Ct)).Summary.Models);

        Assert.Equal("failed", first.Status);
        Assert.Contains("every sample failed", first.Message, StringComparison.Ordinal);
        Assert.Equal((0, 4, 4), (first.N, first.Errors, first.Pending));
        Assert.Null(first.Score);
        Assert.Equal(4, first.Failures["rate_limited"]);
        Assert.All(ResultStore.Load(ResultStore.FileFor(outDir, "sim-qwen3-vl")).Results.Values, r => Assert.Equal(SampleResult.StatusError, r.Status));

        var resumed = Assert.Single((await BenchRunner.RunAsync(Options(suite, outDir), null, Ct)).Summary.Models);

        Assert.Equal(("ok", 0, 4, 0), (resumed.Status, resumed.Resumed, resumed.N, resumed.Errors));
        Assert.Equal(1.0, resumed.Score);
    }

    [Fact]
    public async Task RunAsync_CorruptImageInTheSuite_ReportedApartAsBadInputForEveryModelNotAMiss()
    {
        var dir = BrowserFixture.NewFolder("bench-corrupt");
        Directory.CreateDirectory(dir);
        var lines = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var image = Image.FromBgra(new byte[96 * 32 * 4], 96, 32);
            var png = image.EncodePng();
            if (i == 2)
            {
                // A valid header (PNG signature, IHDR of the right size) over a body of garbage.
                Array.Fill(png, (byte)0x5A, 40, png.Length - 40);
            }

            await File.WriteAllBytesAsync(Path.Combine(dir, $"page{i}.png"), png, Ct);
            lines.Add($$"""{"id": "o{{i}}", "image": "page{{i}}.png", "text": "blank"}""");
        }

        var suite = Path.Combine(dir, "ocr.jsonl");
        await File.WriteAllLinesAsync(suite, lines, Ct);

        var result = await BenchRunner.RunAsync(Options(suite, Path.Combine(dir, "out"), models: ["ocr", "sim-qwen3-vl"]), null, Ct);

        Assert.Equal(["o2"], result.Summary.BadInput.Select(b => b.Id));
        Assert.Contains("could not be decoded", result.Summary.BadInput[0].Reason, StringComparison.Ordinal);
        Assert.Empty(result.Summary.InputIssues);
        Assert.All(result.Summary.Models, m =>
        {
            Assert.Equal((2, 1, 0), (m.N, m.BadInput, m.Pending));
            Assert.False(m.Failures.ContainsKey("error"), string.Join(", ", m.Failures.Keys));
        });
    }

    private BenchRunOptions Options(
        string suite, string outDir, IReadOnlyList<string>? models = null, int concurrency = 4, string mode = "", Action<string, SimulatedServer>? configure = null) => new()
    {
        Suite = suite,
        Models = models ?? ["sim-qwen3-vl"],
        OutDir = outDir,
        Concurrency = concurrency,
        Mode = mode,
        Browser = fixture.Browser,
        ProgressInterval = TimeSpan.Zero,
        ModelOptions = new BenchModelOptions
        {
            Ocr = fixture.Ocr,
            ConfigureSimulator = configure,
            ClientOptions = new ModelClientOptions { Retry = new RetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(5) } },
        },
    };

    private sealed class CallbackProgress(Action<BenchProgress> report) : IProgress<BenchProgress>
    {
        public void Report(BenchProgress value) => report(value);
    }
}
