using System.Text.Json;
using VisualAgent.Models.Dialects;
using VisualAgent.Simulator;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Commands;

/// <summary>`doctor` through the real executable: the verdict line first, what a hosted profile is told.</summary>
public sealed class DoctorCommandTests
{
    private const string KeyVariable = "VA_DOCTOR_TEST_KEY";

    [Fact]
    public async Task Doctor_Json_ReportsBrowserOcrAndOpenCvVersion()
    {
        var (code, stdout, _) = await CliProcess.RunAsync(TempFolder.Fresh(), "doctor", "--json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var checks = doc.RootElement.GetProperty("checks").EnumerateArray().ToList();
        var names = checks.Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains("browser", names);
        Assert.Contains("OCR data eng", names);
        var openCv = checks.Single(e => e.GetProperty("name").GetString() == "OpenCV");
        Assert.Matches(@"^OpenCV 4\.\d+\.\d+ \(OpenCvSharp4\)$", openCv.GetProperty("detail").GetString());
        Assert.All(checks.Where(e => e.GetProperty("required").GetBoolean()), e => Assert.Equal("ok", e.GetProperty("status").GetString()));
        Assert.True(doc.RootElement.GetProperty("ready").GetBoolean());
    }

    [Fact]
    public async Task Doctor_Table_FirstLineIsTheVerdict()
    {
        var (code, stdout, _) = await CliProcess.RunAsync(TempFolder.Fresh(), "doctor");

        Assert.Equal(0, code);
        var first = stdout.Split('\n')[0];
        Assert.Matches("^(ready offline|ready with models .+)", first);
    }

    [Fact]
    public async Task Doctor_LocalServerAnswers_VerdictNamesTheModel()
    {
        await using var server = new SimulatedServer(DialectRegistry.Get("qwen3-vl"));
        await server.StartAsync(TestContext.Current.CancellationToken);
        var folder = TempFolder.Fresh();
        var config = await WriteConfigAsync(folder, """{"Models": {"local-sim": {"Kind": "openai", "Endpoint": "ENDPOINT", "Model": "m", "Dialect": "qwen3-vl"}}}""".Replace("ENDPOINT", server.BaseUrl, StringComparison.Ordinal));

        var (code, stdout, stderr) = await CliProcess.RunAsync(folder, "--config", config, "doctor", "--json");

        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.StartsWith("ready with models local-sim", doc.RootElement.GetProperty("verdict").GetString(), StringComparison.Ordinal);
        Assert.Equal("local-sim", Assert.Single(doc.RootElement.GetProperty("models").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Doctor_HostedProfileWithoutKey_AsksForTheKeyNotForAServer()
    {
        var folder = TempFolder.Fresh();
        var config = await WriteConfigAsync(folder, Hosted);

        var (code, stdout, _) = await CliProcess.RunAsync(folder, "--config", config, "doctor", "--model", "hosted");

        Assert.Equal(3, code);
        var first = stdout.Split('\n')[0];
        Assert.StartsWith("not ready: model hosted:", first, StringComparison.Ordinal);
        Assert.Contains(KeyVariable, first, StringComparison.Ordinal);
        Assert.DoesNotContain("start", stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Doctor_HostedProfileUnreachable_PointsAtTheNetworkAndNeverShowsTheKey()
    {
        var folder = TempFolder.Fresh();
        var config = await WriteConfigAsync(folder, Hosted);
        const string key = "sk-doctor-test-0a1b2c3d4e5f";
        var environment = new Dictionary<string, string> { ["CI"] = "true", [KeyVariable] = key };

        var (code, stdout, stderr) = await CliProcess.RunAsync(folder, environment, TimeSpan.FromMinutes(1), "--config", config, "doctor", "--model", "hosted");

        Assert.Equal(3, code);
        Assert.Contains("not reachable from this machine", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("start the server", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(key, stdout + stderr, StringComparison.Ordinal);
    }

    // .invalid never resolves (RFC 2606): the probe fails here as it would with no network.
    private const string Hosted = """{"Models": {"hosted": {"Kind": "openai", "Endpoint": "https://api.example.invalid/v1", "Model": "m", "Dialect": "generic-json", "ApiKeyEnv": "VA_DOCTOR_TEST_KEY"}}}""";

    private static async Task<string> WriteConfigAsync(string folder, string json)
    {
        var path = Path.Combine(folder, "doctor.json");
        await File.WriteAllTextAsync(path, json, TestContext.Current.CancellationToken);
        return path;
    }
}
