using System.Text.Json;
using VisualAgent.Models.LlamaSharp.Tests.Gguf;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Commands;

/// <summary>An in-process (llamasharp) profile through the real executable, on a tiny GGUF the test writes.</summary>
public sealed class InProcessModelCommandTests
{
    [Fact]
    public async Task Doctor_InProcessProfile_ReportsBackendFilesAndLoad()
    {
        var folder = TempFolder.Fresh();
        TinyLlama.Write(Path.Combine(folder, "tiny.gguf"));
        var config = await WriteConfigAsync(folder, "tiny.gguf");

        var (code, stdout, stderr) = await CliProcess.RunAsync(folder, "--config", config, "doctor", "--model", "tiny", "--json");

        Assert.True(code == 0, stdout + stderr);
        using var doc = JsonDocument.Parse(stdout);
        var check = doc.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "model tiny");
        Assert.Equal("ok", check.GetProperty("status").GetString());
        var detail = check.GetProperty("detail").GetString()!;
        Assert.Contains("CPU", detail, StringComparison.Ordinal);
        Assert.Contains("model tiny.gguf found", detail, StringComparison.Ordinal);
        Assert.Contains("loads in", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("llama_model_loader", stderr, StringComparison.Ordinal); // llama.cpp's log is not on stderr
    }

    [Fact]
    public async Task Doctor_InProcessModelMissing_SaysWhichSettingAndFile()
    {
        var folder = TempFolder.Fresh();
        var config = await WriteConfigAsync(folder, "absent.gguf");

        var (code, stdout, _) = await CliProcess.RunAsync(folder, "--config", config, "doctor", "--model", "tiny");

        Assert.NotEqual(0, code);
        Assert.Contains("Models:tiny:InProcess:ModelPath", stdout, StringComparison.Ordinal);
        Assert.Contains("does not exist", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ground_TextOnlyInProcessModel_RefusesTheImageWithTheFix()
    {
        var folder = TempFolder.Fresh();
        TinyLlama.Write(Path.Combine(folder, "tiny.gguf"));
        var config = await WriteConfigAsync(folder, "tiny.gguf");
        var shot = Path.Combine(RepoPaths.Root, "samples", "bench", "vqa-samples", "images", "shapes-1.png");

        var (code, _, stderr) = await CliProcess.RunAsync(folder, "--config", config, "ground", "--model", "tiny", "--image", shot, "the OK button");

        Assert.Equal(2, code);
        Assert.Contains("MmprojPath", stderr, StringComparison.Ordinal);
    }

    private static async Task<string> WriteConfigAsync(string folder, string model)
    {
        var path = Path.Combine(folder, "tiny.json");
        var json = """{"Models": {"tiny": {"Kind": "llamasharp", "Dialect": "qwen3-vl", "InProcess": {"ModelPath": "MODEL", "ContextSize": 512, "Threads": 1}}}}""";
        await File.WriteAllTextAsync(path, json.Replace("MODEL", model, StringComparison.Ordinal), TestContext.Current.CancellationToken);
        return path;
    }
}
