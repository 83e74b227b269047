using System.Text.Json;
using Microsoft.Extensions.AI;
using VisualAgent.Models.Client;
using VisualAgent.Simulator;
using VisualAgent.Tests.Simulator;

namespace VisualAgent.Tests.Client;

public sealed class OpenAiChatClientTests
{
    private static readonly ChatMessage[] Ask = [new(ChatRole.User, "click the OK button")];

    [Fact]
    public async Task GetResponseAsync_PlainCompletion_ReturnsTextUsageAndSimulatedModel()
    {
        await using var sim = await SimHarness.StartAsync();
        using var client = sim.CreateClient(SimHarness.FastOptions(stream: false));

        var response = await client.GetResponseAsync(Ask, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ChatCompletionsEndpoint_NoGroundTruth, response.Text);
        Assert.Equal("sim-fake", response.ModelId);
        Assert.NotNull(response.Usage);
        Assert.True(response.Usage.InputTokenCount > 0);
        Assert.True(response.Usage.OutputTokenCount > 0);
        Assert.Equal("visual-agent-simulator", ChatTimings.GetSystemFingerprint(response.AdditionalProperties));
        Assert.NotNull(ChatTimings.GetLatency(response.AdditionalProperties));
        Assert.Null(ChatTimings.GetTimeToFirstToken(response.AdditionalProperties));
        Assert.False(Assert.Single(sim.Server.Requests).Stream);
    }

    [Fact]
    public async Task GetResponseAsync_Streamed_RecordsTimeToFirstTokenAndUsage()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Server.InjectFault(new SimulatedFault(SimulatedFaultKind.Latency) { Delay = TimeSpan.FromMilliseconds(150) });
        using var client = sim.CreateClient();

        var response = await client.GetResponseAsync(Ask, cancellationToken: TestContext.Current.CancellationToken);

        var ttft = ChatTimings.GetTimeToFirstToken(response.AdditionalProperties);
        var latency = ChatTimings.GetLatency(response.AdditionalProperties);
        Assert.NotNull(ttft);
        Assert.True(ttft >= TimeSpan.FromMilliseconds(140), $"TTFT {ttft}");
        Assert.True(latency >= ttft);
        Assert.NotNull(response.Usage);
        Assert.True(response.Usage.TotalTokenCount > 0);
        Assert.Equal(ChatCompletionsEndpoint_NoGroundTruth, response.Text);
        var request = Assert.Single(sim.Server.Requests);
        Assert.True(request.Stream);
        Assert.True(request.Fields["stream_options"]?["include_usage"]?.GetValue<bool>());
    }

    [Fact]
    public async Task GetStreamingResponseAsync_LongReply_ArrivesInChunksEndingWithUsage()
    {
        await using var sim = await SimHarness.StartAsync(options: new SimulatedServerOptions { ChunkSize = 5 });
        using var client = sim.CreateClient();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in client.GetStreamingResponseAsync(Ask, cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(u);
        }

        Assert.True(updates.Count > 5);
        Assert.Equal(ChatCompletionsEndpoint_NoGroundTruth, string.Concat(updates.Select(u => u.Text)));
        Assert.Contains(updates[^1].Contents, c => c is UsageContent);
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetResponseAsync_ServerReturnsToolCalls_GivesFunctionCallContent(bool stream)
    {
        await using var sim = await SimHarness.StartAsync(new FakeClickDialect { ToolCalls = true });
        sim.Server.RegisterTarget("the OK button", new(100, 200, 140, 220), new(640, 480));
        using var client = sim.CreateClient(SimHarness.FastOptions(stream));
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"x":{"type":"number"},"y":{"type":"number"}}}""");
        var options = new ChatOptions { Tools = [AIFunctionFactory.CreateDeclaration("computer_use", "Clicks", schema.RootElement.Clone())] };

        var response = await client.GetResponseAsync(Ask, options, TestContext.Current.CancellationToken);

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("computer_use", call.Name);
        Assert.Equal(120, ((JsonElement)call.Arguments!["x"]!).GetDouble());
        Assert.Equal(210, ((JsonElement)call.Arguments!["y"]!).GetDouble());
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Contains("computer_use", sim.Server.Requests[0].Fields["tools"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("<tool_call>", ChatReplyText.Of(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetResponseAsync_SamplingWithExtraFields_ArriveAsTypedJsonAtTheServer(bool stream)
    {
        await using var sim = await SimHarness.StartAsync(configure: p =>
        {
            p.Sampling.Temperature = 0.7;
            p.Sampling.TopP = 0.8;
            p.Sampling.TopK = 20;
            p.Sampling.PresencePenalty = 1.5;
            p.Sampling.RepetitionPenalty = 1.05;
            p.Sampling.MaxTokens = 321;
            p.Sampling.Extra["min_p"] = "0.05";
            p.Sampling.Extra["chat_template_kwargs"] = """{"enable_thinking": false}""";
            p.Sampling.Extra["note"] = "hello";
        });
        using var client = sim.CreateClient(SimHarness.FastOptions(stream));

        await client.GetResponseAsync(Ask, SamplingChatOptions.Create(sim.Profile.Sampling), TestContext.Current.CancellationToken);

        var request = Assert.Single(sim.Server.Requests);
        Assert.Equal(stream, request.Stream);
        var f = request.Fields;
        Assert.Equal(20, f["top_k"]!.GetValue<int>());
        Assert.Equal(1.05, f["repetition_penalty"]!.GetValue<double>(), 6);
        Assert.Equal(0.05, f["min_p"]!.GetValue<double>(), 6);
        Assert.False(f["chat_template_kwargs"]!["enable_thinking"]!.GetValue<bool>());
        Assert.Equal("hello", f["note"]!.GetValue<string>());
        Assert.Equal(0.7, f["temperature"]!.GetValue<double>(), 5);
        Assert.Equal(0.8, f["top_p"]!.GetValue<double>(), 5);
        Assert.Equal(1.5, f["presence_penalty"]!.GetValue<double>(), 5);
        Assert.True((f["max_completion_tokens"] ?? f["max_tokens"])!.GetValue<int>() == 321);
    }

    internal const string ChatCompletionsEndpoint_NoGroundTruth = "(simulated model: no ground truth was registered for this request)";
}
