using Microsoft.Extensions.AI;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Models.LlamaSharp.Tests;

/// <summary>
/// Opt-in: the image path with real Qwen3-VL files, when VISUALAGENT_TEST_GGUF and VISUALAGENT_TEST_MMPROJ point at a
/// model and its projector (e.g. Qwen3-VL-2B-Instruct-Q4_K_M.gguf and mmproj-Qwen3-VL-2B-Instruct-F16.gguf). Skipped
/// otherwise: no weights exist on the build machines.
/// </summary>
[Collection(InProcessModels.Name)]
public sealed class RealQwen3VlTests
{
    private static readonly string? Model = Environment.GetEnvironmentVariable("VISUALAGENT_TEST_GGUF");
    private static readonly string? Projector = Environment.GetEnvironmentVariable("VISUALAGENT_TEST_MMPROJ");

    [Fact]
    public async Task GetResponseAsync_RealQwen3VlWithAnImage_ReadsTheImage()
    {
        Assert.SkipWhen(string.IsNullOrEmpty(Model) || string.IsNullOrEmpty(Projector),
            "set VISUALAGENT_TEST_GGUF and VISUALAGENT_TEST_MMPROJ to a Qwen3-VL GGUF and its mmproj to run this test");
        var profile = new ModelProfile
        {
            Name = "real-qwen3-vl",
            Kind = ModelKinds.LlamaSharp,
            Dialect = "qwen3-vl",
            InProcess = new InProcessModelOptions { ModelPath = Model, MmprojPath = Projector, ContextSize = 4096 },
        };
        using var client = await LlamaChatClient.OpenAsync(profile, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(client.Model.SupportsImages);
        var png = await File.ReadAllBytesAsync(SamplePng(), TestContext.Current.CancellationToken);
        var message = new ChatMessage(ChatRole.User, [new DataContent(png, "image/png"), new TextContent("What shapes do you see? Answer in one short sentence.")]);

        var response = await client.GetResponseAsync([message], new ChatOptions { MaxOutputTokens = 48, Temperature = 0 }, TestContext.Current.CancellationToken);

        Assert.True(response.Usage!.AdditionalCounts!["image_tokens"] > 0);
        Assert.InRange(response.Usage.OutputTokenCount!.Value, 1, 48);
        Assert.False(string.IsNullOrWhiteSpace(response.Text));
        TestContext.Current.TestOutputHelper?.WriteLine($"reply: {response.Text}");
    }

    private static string SamplePng()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "bench", "vqa-samples", "images", "shapes-1.png");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("samples/bench/vqa-samples/images/shapes-1.png not found above the test binary");
    }
}
