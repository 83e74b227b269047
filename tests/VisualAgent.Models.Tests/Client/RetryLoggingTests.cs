using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using VisualAgent.Models.Client;
using VisualAgent.Simulator;
using VisualAgent.Tests.Simulator;

namespace VisualAgent.Tests.Client;

public sealed class RetryLoggingTests
{
    [Fact]
    public async Task GetResponseAsync_ServerErrorOnce_LogsTheRetryWithoutThePrompt()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Server.InjectFault(new SimulatedFault(SimulatedFaultKind.ServerError));
        var logger = new ListLogger();
        var fast = SimHarness.FastOptions();
        using var client = sim.CreateClient(new ModelClientOptions { Retry = fast.Retry, Stream = fast.Stream, Logger = logger });

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "secret-looking prompt text")], cancellationToken: TestContext.Current.CancellationToken);

        var line = Assert.Single(logger.Lines);
        Assert.Contains("retrying", line, StringComparison.Ordinal);
        Assert.Contains(sim.Server.BaseUrl.TrimEnd('/'), line, StringComparison.Ordinal);
        Assert.DoesNotContain("prompt text", line, StringComparison.Ordinal);
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
