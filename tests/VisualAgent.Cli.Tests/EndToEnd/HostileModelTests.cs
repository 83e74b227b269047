using System.Text.Json;
using VisualAgent.Models.Dialects;
using VisualAgent.Simulator;
using VisualAgent.Tests.Support;
using VisualAgent.Vision;

namespace VisualAgent.Tests.EndToEnd;

/// <summary>
/// `run` and `ground` against a hostile model server on 127.0.0.1 (the simulator, configured as a real profile): a model
/// failure is exit 3 with a finished run, and credentials written into the endpoint URL never reach the output.
/// </summary>
public sealed class HostileModelTests
{
    private const string Password = "hunter2-in-the-url";

    [Fact]
    public async Task Run_ModelStreamsAMalformedChunk_RunEndsFailedWithItsReportAndExits3()
    {
        await using var server = await StartAsync(new SimulatedFault(SimulatedFaultKind.MalformedChunk) { Count = null });
        var folder = TempFolder.Fresh("hostile-model");
        var config = WriteConfig(folder, server.BaseUrl);

        var run = await CliProcess.RunAsync(folder, "--config", config, "run", "--model", "hostile", "--url", "samples:login/", "log in as alice", "--json");

        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}\n{run.Stderr}\n{run.Stdout}");
        var runFolder = RunFolder.Single(Path.Combine(folder, "runs"));
        var record = RunFolder.RunJson(runFolder);
        Assert.Equal("failed", RunFolder.String(record, "status"));
        Assert.Contains("not a readable OpenAI chat-completions reply", RunFolder.String(record, "reason"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(runFolder, "report.html")));
        Assert.DoesNotContain(Password, run.Stdout + run.Stderr + File.ReadAllText(Path.Combine(runFolder, "run.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ground_ModelStreamsAMalformedChunk_Exits3WithOneClearLine()
    {
        await using var server = await StartAsync(new SimulatedFault(SimulatedFaultKind.MalformedChunk) { Count = null });
        var folder = TempFolder.Fresh("hostile-ground");
        var config = WriteConfig(folder, server.BaseUrl);
        var image = Path.Combine(folder, "shot.png");
        using (var blank = Image.FromBgra(new byte[320 * 200 * 4], 320, 200))
        {
            await File.WriteAllBytesAsync(image, blank.EncodePng(), TestContext.Current.CancellationToken);
        }

        var ground = await CliProcess.RunAsync(folder, "--config", config, "ground", "--model", "hostile", "--image", image, "the OK button");

        Assert.True(ground.ExitCode == 3, $"exit {ground.ExitCode}\n{ground.Stderr}\n{ground.Stdout}");
        Assert.Contains("not a readable OpenAI chat-completions reply", ground.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", ground.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, ground.Stdout + ground.Stderr, StringComparison.Ordinal);
        Assert.Contains("http://***@127.0.0.1:", ground.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ModelRepliesTypeAnEnvironmentSecret_BlockedExit4AndTheValueNeverTyped()
    {
        const string Key = "sk-test-THE-REAL-KEY-4242";
        await using var server = await StartAsync(new SimulatedFault(SimulatedFaultKind.Reply)
        {
            Text = """<tool_call>{"name": "computer_use", "arguments": {"action": "type", "text": "{{secret:VA_TEST_API_KEY}}"}}</tool_call>""",
            Count = null,
        });
        var folder = TempFolder.Fresh("hostile-secret");
        var config = WriteConfig(folder, server.BaseUrl);
        var environment = new Dictionary<string, string> { ["CI"] = "true", ["VA_TEST_API_KEY"] = Key };

        var run = await CliProcess.RunAsync(folder, environment, TimeSpan.FromMinutes(2), "--config", config, "run", "--model", "hostile", "--max-steps", "3", "--url", "samples:login/", "log in as alice", "--json");

        Assert.True(run.ExitCode == 4, $"exit {run.ExitCode}\n{run.Stderr}\n{run.Stdout}");
        var runFolder = RunFolder.Single(Path.Combine(folder, "runs"));
        Assert.Contains("never from a model's reply", RunFolder.String(RunFolder.RunJson(runFolder), "reason"), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, run.Stdout + run.Stderr + string.Concat(Directory.GetFiles(runFolder, "*.json*").Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchRun_ModelRateLimitsEverySample_ReportedFailedAndExitsNonZero()
    {
        await using var server = await StartAsync(new SimulatedFault(SimulatedFaultKind.RateLimit) { Count = null, RetryAfter = TimeSpan.Zero });
        var folder = TempFolder.Fresh("hostile-bench");
        var config = WriteConfig(folder, server.BaseUrl);
        using (var blank = Image.FromBgra(new byte[64 * 48 * 4], 64, 48))
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "img.png"), blank.EncodePng(), TestContext.Current.CancellationToken);
        }

        await File.WriteAllLinesAsync(Path.Combine(folder, "vqa.jsonl"),
        [
            """{"id": "a", "image": "img.png", "question": "What colour is it?", "answers": ["black"]}""",
            """{"id": "b", "image": "img.png", "question": "Is it empty?", "answers": ["yes"]}""",
        ], TestContext.Current.CancellationToken);

        var bench = await CliProcess.RunAsync(folder, "--config", config, "bench", "run", "--suite", "vqa.jsonl", "--models", "hostile", "--out", "out", "--json");

        Assert.True(bench.ExitCode == 1, $"exit {bench.ExitCode}\n{bench.Stderr}\n{bench.Stdout}");
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "out", "summary.json"), TestContext.Current.CancellationToken));
        var model = summary.RootElement.GetProperty("models")[0];
        Assert.Equal("failed", model.GetProperty("status").GetString());
        Assert.Equal(2, model.GetProperty("errors").GetInt32());
        Assert.Equal(JsonValueKind.Null, model.GetProperty("score").ValueKind);
    }

    private static async Task<SimulatedServer> StartAsync(SimulatedFault fault)
    {
        var server = new SimulatedServer(DialectRegistry.Get("qwen3-vl"), new SimulatedServerOptions { AcceptAnyModel = true });
        await server.StartAsync(TestContext.Current.CancellationToken);
        server.InjectFault(fault);
        return server;
    }

    /// <summary>A configuration with profile "hostile" pointing at the server, with credentials written into its URL.</summary>
    private static string WriteConfig(string folder, string baseUrl)
    {
        var withCredentials = baseUrl.Replace("http://", $"http://admin:{Password}@", StringComparison.Ordinal);
        var path = Path.Combine(folder, "hostile.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            Models = new Dictionary<string, object>
            {
                ["hostile"] = new { Endpoint = withCredentials, Model = "Qwen/Qwen3-VL-8B-Instruct", Dialect = "qwen3-vl", TimeoutSeconds = 10 },
            },
        }));
        return path;
    }
}
