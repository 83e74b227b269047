using Microsoft.Extensions.AI;
using VisualAgent.Errors;
using VisualAgent.Models.Client;
using VisualAgent.Tests.Simulator;

namespace VisualAgent.Tests.Client;

public sealed class ReplicaBalancingChatClientTests
{
    private static readonly ChatMessage[] Ask = [new(ChatRole.User, "hi")];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ModelUnavailableException ConnectionRefused() =>
        new("down", new ModelCallFailure(ModelFailureKind.Connection, "connection refused"));

    [Fact]
    public async Task GetResponseAsync_FirstReplicaDown_FailsOverAndCoolsItDownUntilTheCoolDownEnds()
    {
        var down = new TestChatClient { OnGetResponse = (_, _, _) => throw ConnectionRefused() };
        var up = new TestChatClient();
        var clock = new ManualTimeProvider();
        using var balancer = new ReplicaBalancingChatClient([down, up], TimeSpan.FromSeconds(30), clock);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("ok", (await balancer.GetResponseAsync(Ask, cancellationToken: Ct)).Text);
        }

        Assert.Equal(1, down.Calls);
        Assert.Equal(4, up.Calls);

        clock.Advance(TimeSpan.FromSeconds(31));
        await balancer.GetResponseAsync(Ask, cancellationToken: Ct);
        await balancer.GetResponseAsync(Ask, cancellationToken: Ct);
        Assert.Equal(2, down.Calls);
    }

    [Fact]
    public async Task GetResponseAsync_AllReplicasDown_ThrowsTheConnectionError()
    {
        var a = new TestChatClient { OnGetResponse = (_, _, _) => throw ConnectionRefused() };
        var b = new TestChatClient { OnGetResponse = (_, _, _) => throw ConnectionRefused() };
        using var balancer = new ReplicaBalancingChatClient([a, b], TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<ModelUnavailableException>(() => balancer.GetResponseAsync(Ask, cancellationToken: Ct));

        Assert.Equal((1, 1), (a.Calls, b.Calls));
    }

    [Fact]
    public async Task GetResponseAsync_OneReplicaBusy_NextRequestGoesToTheIdleOne()
    {
        var release = new TaskCompletionSource();
        var slow = new TestChatClient { OnGetResponse = async (_, _, _) => { await release.Task; return new ChatResponse(new ChatMessage(ChatRole.Assistant, "slow")); } };
        var fast = new TestChatClient();
        using var balancer = new ReplicaBalancingChatClient([slow, fast], TimeSpan.FromSeconds(30));

        var first = balancer.GetResponseAsync(Ask, cancellationToken: Ct);
        var second = await balancer.GetResponseAsync(Ask, cancellationToken: Ct);
        release.SetResult();
        await first;

        Assert.Equal("ok", second.Text);
        Assert.Equal((1, 1), (slow.Calls, fast.Calls));
    }

    [Fact]
    public async Task Create_ProfileWithDeadAndLiveReplica_EveryRequestSucceedsOverRealHttp()
    {
        var dead = $"http://127.0.0.1:{ResilienceTests.FreePort()}/v1";
        await using var sim = await SimHarness.StartAsync(configure: p => p.Endpoints = [dead, p.Endpoint!]);
        sim.Profile.Endpoint = null;
        using var client = sim.CreateClient(SimHarness.FastOptions());

        for (var i = 0; i < 3; i++)
        {
            var response = await client.GetResponseAsync(Ask, cancellationToken: Ct);
            Assert.Equal(sim.Server.BaseUrl, ChatTimings.GetEndpoint(response.AdditionalProperties));
        }

        Assert.Equal(3, sim.Server.Requests.Count);
    }
}
