using System.Text.Json;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Commands;

public sealed class CliBasicsTests
{
    [Fact]
    public async Task Help_ListsEveryVerb()
    {
        var (code, stdout, _) = await CliProcess.RunAsync(TempFolder.Fresh(), "--help");

        Assert.Equal(0, code);
        foreach (var verb in new[] { "run", "runs", "doctor", "screenshot", "act", "inspect", "serve-samples", "parse", "ground", "ocr", "bench" })
        {
            Assert.Contains(verb, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnknownOption_ExitsWithUsageCode()
    {
        var (code, _, stderr) = await CliProcess.RunAsync(TempFolder.Fresh(), "doctor", "--no-such-option");

        Assert.Equal(2, code);
        Assert.Contains("--no-such-option", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FreeFormGoalOffline_SaysAModelProfileIsNeeded()
    {
        var (code, _, stderr) = await CliProcess.RunAsync(TempFolder.Fresh(), "run", "--url", "samples:orders/", "find me the cheapest order from last spring");

        Assert.Equal(2, code);
        Assert.Contains("model profile", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_MissingFile_ExitsWithUsageCode()
    {
        var (code, _, stderr) = await CliProcess.RunAsync(TempFolder.Fresh(), "--config", "nope.json", "runs", "list");

        Assert.Equal(2, code);
        Assert.Contains("nope.json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ModelEndpointDown_ExitsWithModelCodeBeforeOpeningABrowser()
    {
        var folder = TempFolder.Fresh();
        var config = Path.Combine(folder, "dead.json");
        await File.WriteAllTextAsync(config, """
            {"Models": {"dead": {"Kind": "openai", "Endpoint": "http://127.0.0.1:9/v1", "Model": "m", "Dialect": "qwen3-vl"}}}
            """, TestContext.Current.CancellationToken);

        var (code, _, stderr) = await CliProcess.RunAsync(folder, "--config", config, "run", "--model", "dead", "--url", "samples:orders/", "export the pending orders");

        Assert.Equal(3, code);
        Assert.Contains("'dead'", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "runs")), "no run folder is started for a model that is not there");
    }
}
