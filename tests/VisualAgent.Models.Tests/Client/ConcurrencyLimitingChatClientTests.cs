using Microsoft.Extensions.AI;
using VisualAgent.Simulator;
using VisualAgent.Tests.Simulator;

namespace VisualAgent.Tests.Client;

public sealed class ConcurrencyLimitingChatClientTests
{
    [Fact]
    public async Task GetResponseAsync_SixAtOnceWithLimitTwo_ServerNeverSeesMoreThanTwo()
    {
        await using var sim = await SimHarness.StartAsync(configure: p => p.MaxConcurrency = 2);
        sim.Server.InjectFault(new SimulatedFault(SimulatedFaultKind.Latency) { Delay = TimeSpan.FromMilliseconds(120), Count = null });
        using var client = sim.CreateClient();

        var calls = Enumerable.Range(0, 6).Select(i =>
            client.GetResponseAsync([new ChatMessage(ChatRole.User, $"request {i}")], cancellationToken: TestContext.Current.CancellationToken));
        var responses = await Task.WhenAll(calls);

        Assert.Equal(6, responses.Length);
        Assert.Equal(6, sim.Server.Requests.Count);
        Assert.Equal(2, sim.Server.MaxInFlight);
    }
}
