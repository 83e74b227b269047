using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.AI;
using VisualAgent.Errors;
using VisualAgent.Models.Client;
using VisualAgent.Simulator;
using VisualAgent.Tests.Simulator;

namespace VisualAgent.Tests.Client;

public sealed class ResilienceTests
{
    private static readonly ChatMessage[] Ask = [new(ChatRole.User, "click the OK button")];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetResponseAsync_RateLimitedWithRetryAfter_WaitsThatLongThenSucceeds()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Server.InjectFault(new SimulatedFault(SimulatedFaultKind.RateLimit) { RetryAfter = TimeSpan.FromSeconds(1) });
        using var client = sim.CreateClient();

        var watch = Stopwatch.StartNew();
        var response = await client.GetResponseAsync(Ask, cancellationToken: Ct);

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"waited only {watch.Elapsed}");
        Assert.Equal([429, 200], sim.Server.Requests.Select(r => r.Status));
        Assert.NotEmpty(response.Text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetResponseAsync_ServerErrorOnce_RetriesAndSucceeds(bool stream)
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Server.InjectFault(new SimulatedFault(SimulatedFaultKind.ServerError));
        using var client = sim.CreateClient(SimHarness.FastOptions(stream));

        var response = await client.GetResponseAsync(Ask, cancellationToken: Ct);

        Assert.Equal([500, 200], sim.Server.Requests.Select(r => r.Status));
        Assert.Equal(OpenAiChatClientTests.ChatCompletionsEndpoint_NoGroundTruth, response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_ServerErrorEveryTime_GivesUpAfterMaxAttemptsWithClearMessage()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Server.InjectFault(new SimulatedFault(SimulatedFaultKind.ServerError) { Count = null });
        using var client = sim.CreateClient();

        var ex = await Assert.ThrowsAsync<ModelUnavailableException>(() => client.GetResponseAsync(Ask, cancellationToken: Ct));

        Assert.Equal(3, sim.Server.Requests.Count);
        Assert.Contains("HTTP 500", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Gave up after 3 attempts", ex.Message, StringComparison.Ordinal);
        Assert.Contains(sim.Server.BaseUrl, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_ServerHangs_TimesOutWithClearMessage()
    {
        await using var sim = await SimHarness.StartAsync();
        using (var warm = sim.CreateClient())
        {
            await warm.GetResponseAsync(Ask, cancellationToken: Ct); // warm up (JIT, connection), so the hang is what times out
        }

        sim.Profile.TimeoutSeconds = 1;
        using var client = sim.CreateClient();
        sim.Server.InjectFault(new SimulatedFault(SimulatedFaultKind.Hang) { Count = null });

        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<ModelUnavailableException>(() => client.GetResponseAsync(Ask, cancellationToken: Ct));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Contains("no complete reply within 1 s", ex.Message, StringComparison.Ordinal);
        Assert.Contains("TimeoutSeconds", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ModelFailureKind.Timeout, Assert.IsType<ModelCallFailure>(ex.InnerException).Kind);
        Assert.Equal(2, sim.Server.Requests.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetResponseAsync_ConnectionDroppedMidReply_RetriesAndSucceeds(bool stream)
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Server.InjectFault(new SimulatedFault(SimulatedFaultKind.TruncatedStream));
        using var client = sim.CreateClient(SimHarness.FastOptions(stream));

        var response = await client.GetResponseAsync(Ask, cancellationToken: Ct);

        Assert.Equal(2, sim.Server.Requests.Count);
        Assert.Equal(OpenAiChatClientTests.ChatCompletionsEndpoint_NoGroundTruth, response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_UnknownModel_NotRetriedAndMessageNamesProfileEndpointAndModel()
    {
        await using var sim = await SimHarness.StartAsync(configure: p => p.Model = "Qwen/Qwen3-VL-99B-Instruct");
        using var client = sim.CreateClient();

        var ex = await Assert.ThrowsAsync<ModelUnavailableException>(() => client.GetResponseAsync(Ask, cancellationToken: Ct));

        Assert.Single(sim.Server.Requests);
        Assert.Contains("Model profile 'test-profile'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(sim.Server.BaseUrl, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Qwen/Qwen3-VL-99B-Instruct", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/models lists", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_PromptTooLong_SaysToLowerTheImageBudget()
    {
        await using var sim = await SimHarness.StartAsync(options: new SimulatedServerOptions { MaxContextTokens = 2 });
        using var client = sim.CreateClient();

        var ex = await Assert.ThrowsAsync<ModelUnavailableException>(() => client.GetResponseAsync(Ask, cancellationToken: Ct));

        Assert.Contains("longer than the model's context", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxPixels", ex.Message, StringComparison.Ordinal);
        Assert.Single(sim.Server.Requests);
    }

    [Fact]
    public async Task GetResponseAsync_NothingListening_RetriesThenSaysCheckTheServer()
    {
        var deadUrl = $"http://127.0.0.1:{FreePort()}/v1";
        await using var sim = await SimHarness.StartAsync(configure: p => p.Endpoint = deadUrl);
        using var client = sim.CreateClient();

        var ex = await Assert.ThrowsAsync<ModelUnavailableException>(() => client.GetResponseAsync(Ask, cancellationToken: Ct));

        Assert.Contains("could not reach the server", ex.Message, StringComparison.Ordinal);
        Assert.Contains(deadUrl, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Gave up after 3 attempts", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ModelFailureKind.Connection, Assert.IsType<ModelCallFailure>(ex.InnerException).Kind);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
