using Microsoft.Extensions.Logging;
using VisualAgent.Errors;
using VisualAgent.Models.LlamaSharp.Tests.Gguf;

namespace VisualAgent.Models.LlamaSharp.Tests;

/// <summary>Bad model files give messages that name the setting, the file and what is wrong.</summary>
[Collection(InProcessModels.Name)]
public sealed class LlamaModelLoadTests(TinyModelFixture tiny) : IClassFixture<TinyModelFixture>
{
    [Fact]
    public async Task OpenAsync_MissingFile_NamesTheSettingAndTheFile()
    {
        var path = Path.Combine(tiny.Folder, "nowhere.gguf");
        var ex = await Assert.ThrowsAsync<UsageException>(() => LlamaChatClient.OpenAsync(tiny.Profile("missing", path), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("Models:missing:InProcess:ModelPath", ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_NotAGgufFile_SaysItIsNotGguf()
    {
        var path = Path.Combine(tiny.Folder, "model.safetensors");
        await File.WriteAllTextAsync(path, "{\"not\": \"a gguf file\"}", TestContext.Current.CancellationToken);
        var ex = await Assert.ThrowsAsync<UsageException>(() => LlamaChatClient.OpenAsync(tiny.Profile("notgguf", path), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("is not a GGUF file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_TruncatedGguf_SaysLlamaCppCouldNotLoadIt()
    {
        var path = Path.Combine(tiny.Folder, "truncated.gguf");
        var bytes = await File.ReadAllBytesAsync(tiny.WithTemplate, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)], TestContext.Current.CancellationToken);
        var ex = await Assert.ThrowsAsync<UsageException>(() => LlamaChatClient.OpenAsync(tiny.Profile("truncated", path), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("could not load", ex.Message, StringComparison.Ordinal);
        Assert.Contains("complete", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_UnknownArchitecture_QuotesLlamaCpp()
    {
        var path = TinyLlama.Write(Path.Combine(tiny.Folder, "alien.gguf"), architecture: "alienformer");
        var ex = await Assert.ThrowsAsync<UsageException>(() => LlamaChatClient.OpenAsync(tiny.Profile("alien", path), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("could not load", ex.Message, StringComparison.Ordinal);
        Assert.Contains("alienformer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_MmprojThatIsNotAProjector_SaysItMustMatchTheModel()
    {
        // A text model given as the projector: the mmproj does not match.
        var ex = await Assert.ThrowsAsync<UsageException>(() =>
            LlamaChatClient.OpenAsync(tiny.Profile("mismatch", mmproj: tiny.WithoutTemplate), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("MmprojPath", ex.Message, StringComparison.Ordinal);
        Assert.Contains("published with this very model", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_InvalidProfile_ListsEveryProblem()
    {
        var profile = tiny.Profile("bad");
        profile.InProcess.ModelPath = null;
        profile.InProcess.ContextSize = 10;
        var ex = await Assert.ThrowsAsync<UsageException>(() => LlamaChatClient.OpenAsync(profile, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("ModelPath", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ContextSize", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_LlamaCppLog_GoesToTheLoggerAtDebug()
    {
        var logger = new ListLogger();
        using var client = await LlamaChatClient.OpenAsync(tiny.Profile("logged", contextSize: 768), logger, TestContext.Current.CancellationToken);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Debug && e.Text.StartsWith("llama.cpp", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Entries, e => e.Text.StartsWith("llama.cpp", StringComparison.Ordinal) && e.Level != LogLevel.Debug);
    }
}
