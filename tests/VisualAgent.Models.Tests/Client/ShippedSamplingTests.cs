using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using VisualAgent.Models.Client;
using VisualAgent.Models.Profiles;
using VisualAgent.Simulator;
using VisualAgent.Tests.Profiles;
using VisualAgent.Tests.Simulator;

namespace VisualAgent.Tests.Client;

/// <summary>Every sampling field a shipped profile sets reaches the (simulated) server, streamed or not: the standard
/// ones through Microsoft.Extensions.AI's OpenAI adapter, top_k and the extra body fields through the raw options.</summary>
public sealed class ShippedSamplingTests
{
    private static readonly ChatMessage[] Ask = [new(ChatRole.User, "click the OK button")];

    public static TheoryData<string, bool> QwenProfiles()
    {
        var data = new TheoryData<string, bool>();
        // Every served Qwen-family profile, the Qwen3-VL fine-tunes used as grounders among them (Holo2, MAI-UI).
        foreach (var name in Shipped().Names.Where(n => Shipped().Get(n) is { Kind: ModelKinds.OpenAi, Dialect: { } d } && (d.StartsWith("qwen", StringComparison.Ordinal) || d is "holo2" or "mai-ui")))
        {
            data.Add(name, true);
            data.Add(name, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(QwenProfiles))]
    public async Task GetResponseAsync_ShippedQwenProfile_EverySamplingFieldArrives(string name, bool stream)
    {
        var shipped = Shipped().Get(name);
        await using var server = new SimulatedServer(new FakeClickDialect());
        await server.StartAsync(TestContext.Current.CancellationToken);
        var profile = shipped.WithEndpoint(server.BaseUrl);
        profile.ApiKeyEnv = null;
        profile.Model = server.Dialect.Id; // the simulator serves its own model id
        using var client = ModelClientFactory.Create(profile, SimHarness.FastOptions(stream));

        await client.GetResponseAsync(Ask, SamplingChatOptions.Create(profile.Sampling), TestContext.Current.CancellationToken);

        var s = profile.Sampling;
        var f = Assert.Single(server.Requests).Fields;
        Assert.True(s.TopK is not null || !name.StartsWith("qwen3", StringComparison.Ordinal), "the Qwen3-VL profiles set top_k");
        Assert.Equal(s.TopK, f["top_k"]?.GetValue<int>());
        Assert.Equal(s.Temperature, f["temperature"]?.GetValue<double>() is { } t ? Math.Round(t, 5) : null);
        Assert.Equal(s.TopP, f["top_p"]?.GetValue<double>() is { } p ? Math.Round(p, 5) : null);
        Assert.Equal(s.PresencePenalty, f["presence_penalty"]?.GetValue<double>() is { } pp ? Math.Round(pp, 5) : null);
        Assert.Equal(s.MaxTokens, (f["max_completion_tokens"] ?? f["max_tokens"])?.GetValue<int>());
        if (s.RepetitionPenalty is { } rp)
        {
            Assert.Equal(rp, f["repetition_penalty"]!.GetValue<double>(), 5);
        }

        foreach (var key in s.Extra.Keys)
        {
            Assert.True(f.ContainsKey(key), $"extra field {key} did not arrive");
        }
    }

    [Fact]
    public async Task GetResponseAsync_CallLoggers_LogTheCallAtDebugWithoutThePrompt()
    {
        await using var sim = await SimHarness.StartAsync();
        var lines = new List<(LogLevel Level, string Text)>();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(new ListProvider(lines)).SetMinimumLevel(LogLevel.Debug));
        var fast = SimHarness.FastOptions();
        using var client = sim.CreateClient(new ModelClientOptions { Retry = fast.Retry, CallLoggers = loggers });

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "secret-looking prompt text")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(lines, l => l.Level == LogLevel.Debug && l.Text.Contains("GetResponseAsync", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Text.Contains("prompt text", StringComparison.Ordinal));
    }

    private static ModelProfiles Shipped() => ShippedProfiles.Load();

    private sealed class ListProvider(List<(LogLevel, string)> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(lines);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(List<(LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (lines)
            {
                lines.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
