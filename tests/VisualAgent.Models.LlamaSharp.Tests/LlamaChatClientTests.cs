using Microsoft.Extensions.AI;
using VisualAgent.Errors;
using VisualAgent.Models.Client;

namespace VisualAgent.Models.LlamaSharp.Tests;

/// <summary>The in-process client end to end on a generated tiny GGUF (random weights: counts and handles, not text).</summary>
[Collection(InProcessModels.Name)]
public sealed class LlamaChatClientTests(TinyModelFixture tiny) : IClassFixture<TinyModelFixture>
{
    private static readonly ChatMessage[] Conversation =
        [new ChatMessage(ChatRole.System, "You ground targets."), new ChatMessage(ChatRole.User, "click the OK button")];

    [Fact]
    public async Task GetResponseAsync_TinyModel_GeneratesAtMostTheTokensAskedFor()
    {
        using var client = await LlamaChatClient.OpenAsync(tiny.Profile("tiny-gen"), cancellationToken: TestContext.Current.CancellationToken);
        var response = await client.GetResponseAsync(Conversation, new ChatOptions { MaxOutputTokens = 16, Temperature = 0, Seed = 1 }, TestContext.Current.CancellationToken);

        // The ChatML-rendered prompt is byte tokens: its length, plus BOS, is the prompt token count.
        Assert.True(response.Usage!.InputTokenCount > 60, $"prompt tokens {response.Usage.InputTokenCount}");
        Assert.InRange(response.Usage.OutputTokenCount!.Value, 1, 16);
        Assert.Equal(response.Usage.InputTokenCount + response.Usage.OutputTokenCount, response.Usage.TotalTokenCount);
        Assert.Equal(response.Usage.OutputTokenCount == 16 ? ChatFinishReason.Length : ChatFinishReason.Stop, response.FinishReason);
        Assert.NotNull(ChatTimings.GetLatency(response.AdditionalProperties));
        Assert.Equal("gguf", client.Model.TemplateSource);
    }

    [Fact]
    public async Task GetResponseAsync_SameSeedTwice_SameTokenCountsBothTimes()
    {
        // The context is reused: the second request must not see the first one's tokens.
        using var client = await LlamaChatClient.OpenAsync(tiny.Profile("tiny-reuse"), cancellationToken: TestContext.Current.CancellationToken);
        var options = new ChatOptions { MaxOutputTokens = 24, Temperature = 0, Seed = 7 };
        var first = await client.GetResponseAsync(Conversation, options, TestContext.Current.CancellationToken);
        var second = await client.GetResponseAsync(Conversation, options, TestContext.Current.CancellationToken);
        Assert.Equal(first.Usage!.InputTokenCount, second.Usage!.InputTokenCount);
        Assert.Equal(first.Usage.OutputTokenCount, second.Usage.OutputTokenCount);
        Assert.Equal(first.Text, second.Text);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_TinyModel_StreamsPiecesThenUsage()
    {
        using var client = await LlamaChatClient.OpenAsync(tiny.Profile("tiny-stream"), cancellationToken: TestContext.Current.CancellationToken);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Conversation, new ChatOptions { MaxOutputTokens = 12, Temperature = 0, Seed = 3 }, TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        var usage = updates[^1].Contents.OfType<UsageContent>().Single().Details;
        Assert.InRange(usage.OutputTokenCount!.Value, 1, 12);
        Assert.True(updates.Count >= 2, "text pieces arrive before the final update");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_CancelledMidGeneration_StopsAndTheModelStaysUsable()
    {
        using var client = await LlamaChatClient.OpenAsync(tiny.Profile("tiny-cancel", contextSize: 4096), cancellationToken: TestContext.Current.CancellationToken);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var received = 0;
        var options = new ChatOptions { MaxOutputTokens = 3500, Temperature = 1, Seed = 5 };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Conversation, options, cts.Token))
            {
                if (update.Text.Length > 0 && ++received == 3)
                {
                    await cts.CancelAsync();
                }
            }
        });
        // Pieces already generated may still arrive after the cancel, but generation stopped far short of its limit.
        Assert.InRange(received, 3, 1000);

        // The generation stopped and released the context: the next request runs.
        var next = await client.GetResponseAsync(Conversation, new ChatOptions { MaxOutputTokens = 4, Temperature = 0 }, TestContext.Current.CancellationToken);
        Assert.InRange(next.Usage!.OutputTokenCount!.Value, 1, 4);
    }

    [Fact]
    public async Task OpenAsync_TwoClientsOfOneProfile_LoadOnceAndReleaseOnLastDispose()
    {
        var profile = tiny.Profile("tiny-shared", contextSize: 640);
        var loadsBefore = LlamaModels.LoadCount;
        var first = await LlamaChatClient.OpenAsync(profile, cancellationToken: TestContext.Current.CancellationToken);
        var second = await LlamaChatClient.OpenAsync(profile, cancellationToken: TestContext.Current.CancellationToken);
        var model = first.Model;
        Assert.Same(model, second.Model);
        Assert.Equal(loadsBefore + 1, LlamaModels.LoadCount);

        first.Dispose();
        Assert.False(model.IsDisposed);
        second.Dispose();
        Assert.True(model.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => second.Model);
    }

    [Fact]
    public async Task OpenAsync_GgufWithoutTemplate_UsesTheFallbackTemplate()
    {
        using var client = await LlamaChatClient.OpenAsync(tiny.Profile("tiny-fallback", tiny.WithoutTemplate), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("fallback:chatml", client.Model.TemplateSource);
        var response = await client.GetResponseAsync(Conversation, new ChatOptions { MaxOutputTokens = 4, Temperature = 0 }, TestContext.Current.CancellationToken);
        Assert.InRange(response.Usage!.OutputTokenCount!.Value, 1, 4);
    }

    [Fact]
    public async Task GetResponseAsync_PromptLongerThanTheContext_SaysRaiseContextSize()
    {
        using var client = await LlamaChatClient.OpenAsync(tiny.Profile("tiny-small", contextSize: 256), cancellationToken: TestContext.Current.CancellationToken);
        var ex = await Assert.ThrowsAsync<ModelUnavailableException>(() =>
            client.GetResponseAsync([new ChatMessage(ChatRole.User, new string('x', 600))], new ChatOptions { MaxOutputTokens = 4 }, TestContext.Current.CancellationToken));
        Assert.Contains("ContextSize", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ModelFailureKind.ContextTooLong, Assert.IsType<ModelCallFailure>(ex.InnerException).Kind);
    }

    [Fact]
    public async Task GetResponseAsync_ImageWithoutMmproj_SaysSetMmprojPath()
    {
        using var client = await LlamaChatClient.OpenAsync(tiny.Profile("tiny-text-only"), cancellationToken: TestContext.Current.CancellationToken);
        var message = new ChatMessage(ChatRole.User, [new TextContent("what is this?"), new DataContent(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "image/png")]);
        var ex = await Assert.ThrowsAsync<UsageException>(() => client.GetResponseAsync([message], null, TestContext.Current.CancellationToken));
        Assert.Contains("MmprojPath", ex.Message, StringComparison.Ordinal);
    }
}
