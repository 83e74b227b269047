using System.Text.Json;
using VisualAgent.Hosting.ServingCheck;
using VisualAgent.Models.Dialects;
using VisualAgent.Simulator;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.ServingCheck;

/// <summary>`doctor --check-model` and the check `bench run` makes first, through the real executable.</summary>
public sealed class ServingCheckCommandTests
{
    [Fact]
    public async Task DoctorCheckModel_MisconfiguredServer_SaysWhatToSetAndExits1()
    {
        await using var server = await StartServerAsync(new SimulatedServerOptions { ServerResizeFactor = 0.6 });
        var folder = TempFolder.Fresh();
        var config = await WriteConfigAsync(folder, server.BaseUrl);

        var (code, stdout, stderr) = await CliProcess.RunAsync(folder, "--config", config, "doctor", "--check-model", "served", "--json");

        Assert.True(code == 1, $"exit {code}: {stdout} {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("misconfigured", doc.RootElement.GetProperty("verdict").GetString());
        Assert.Equal("ServerResize", doc.RootElement.GetProperty("problem").GetString());
        Assert.Contains("Models:served:MaxPixels", doc.RootElement.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.InRange(doc.RootElement.GetProperty("fit").GetProperty("x").GetProperty("scale").GetDouble(), 0.55, 0.65);
    }

    [Fact]
    public async Task DoctorCheckModel_SimulatedProfile_PassesAndSaysSimulated()
    {
        var (code, stdout, stderr) = await CliProcess.RunAsync(TempFolder.Fresh(), "doctor", "--check-model", "sim-qwen3-vl");

        Assert.True(code == 0, $"exit {code}: {stdout} {stderr}");
        Assert.StartsWith("serving check passed for sim-qwen3-vl (simulated server): no systematic error", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchRun_MisconfiguredServer_StopsBeforeTheFirstSample_NoCheckRunsIt()
    {
        await using var server = await StartServerAsync(new SimulatedServerOptions { ServerResizeFactor = 0.6 });
        var folder = TempFolder.Fresh();
        var config = await WriteConfigAsync(folder, server.BaseUrl);

        var (code, _, stderr) = await CliProcess.RunAsync(folder, "--config", config, "bench", "run", "--suite", "grounding-samples", "--models", "served", "--limit", "2", "--out", "checked");
        var (unchecked_, _, uncheckedErr) = await CliProcess.RunAsync(folder, "--config", config, "bench", "run", "--suite", "grounding-samples", "--models", "served", "--limit", "2", "--out", "unchecked", "--no-check");

        Assert.True(code == 1, $"exit {code}: {stderr}");
        Assert.True(stderr.Contains("serving is misconfigured for served", StringComparison.Ordinal), stderr);
        Assert.Contains("bench run stopped before the first sample", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "checked", "summary.json")));
        Assert.DoesNotContain("serving self-check", uncheckedErr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "unchecked", "summary.json")), $"exit {unchecked_}: {uncheckedErr}");
    }

    /// <summary>A Qwen2.5-VL server (pixels) that knows the golden targets, as a real model would find them.</summary>
    private static async Task<SimulatedServer> StartServerAsync(SimulatedServerOptions options)
    {
        options.AcceptAnyModel = true;
        var server = new SimulatedServer(DialectRegistry.Get("qwen2.5-vl"), options);
        await server.StartAsync(TestContext.Current.CancellationToken);
        foreach (var screen in GoldenScreens.Create())
        {
            foreach (var target in screen.Targets)
            {
                server.RegisterTarget(target.Instruction, target.Box, screen.Image.Size);
            }
        }

        return server;
    }

    private static async Task<string> WriteConfigAsync(string folder, string endpoint)
    {
        var path = Path.Combine(folder, "served.json");
        var json = """{"Models": {"served": {"Kind": "openai", "Endpoint": "ENDPOINT", "Model": "qwen2.5-vl", "Dialect": "qwen2.5-vl", "TimeoutSeconds": 120}}}""".Replace("ENDPOINT", endpoint, StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, json, TestContext.Current.CancellationToken);
        return path;
    }
}
