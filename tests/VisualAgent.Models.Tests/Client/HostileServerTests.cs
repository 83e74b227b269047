using System.Diagnostics;
using Microsoft.Extensions.AI;
using VisualAgent.Errors;
using VisualAgent.Models.Client;
using VisualAgent.Simulator;
using VisualAgent.Tests.Simulator;

namespace VisualAgent.Tests.Client;

/// <summary>
/// A hostile OpenAI-compatible server on 127.0.0.1 (the simulator's hostile faults): huge, HTML, garbage, unstreamed and
/// malformed replies end as one classified model failure, are not retried as dropped connections, and never crash.
/// </summary>
public sealed class HostileServerTests
{
    private static readonly ChatMessage[] Ask = [new(ChatRole.User, "click the OK button")];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetResponseAsync_150MbReply_CutOffAtTheCapNotReadWholeNorRetried(bool stream)
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Server.InjectFault(new SimulatedFault(SimulatedFaultKind.HugeReply) { Size = 150L * 1000 * 1000, Count = null });
        using var client = sim.CreateClient(SimHarness.FastOptions(stream));
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<ModelUnavailableException>(() => client.GetResponseAsync(Ask, cancellationToken: Ct));

        Assert.Equal(ModelFailureKind.ReplyTooLarge, Failure(ex).Kind);
        Assert.Contains("MaxReplyBytes (1,048,576 bytes", ex.Message, StringComparison.Ordinal);
        Assert.Single(sim.Server.Requests);
        var written = await BytesWrittenAsync(sim.Server);
        Assert.True(written < 40L * 1000 * 1000, $"the server got {written:N0} bytes out: the client kept reading");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task GetResponseAsync_ReplyUnderARaisedCap_IsRead()
    {
        await using var sim = await SimHarness.StartAsync(configure: p => p.MaxReplyBytes = 4 * 1024 * 1024);
        sim.Server.InjectFault(new SimulatedFault(SimulatedFaultKind.Reply) { Text = new string('a', 2 * 1024 * 1024) });
        using var client = sim.CreateClient(SimHarness.FastOptions(stream: false));

        var response = await client.GetResponseAsync(Ask, cancellationToken: Ct);

        Assert.Equal(2 * 1024 * 1024, response.Text.Length);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetResponseAsync_HtmlPage_InvalidReplyNamingTheEndpointNotRetried(bool stream)
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Server.InjectFault(new SimulatedFault(SimulatedFaultKind.HtmlPage) { Count = null });
        using var client = sim.CreateClient(SimHarness.FastOptions(stream));

        var ex = await Assert.ThrowsAsync<ModelUnavailableException>(() => client.GetResponseAsync(Ask, cancellationToken: Ct));

        Assert.Equal(ModelFailureKind.InvalidReply, Failure(ex).Kind);
        Assert.Contains("HTML page", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Welcome to nginx", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ending in /v1", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("connection dropped", ex.Message, StringComparison.Ordinal);
        Assert.Single(sim.Server.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetResponseAsync_Garbage_InvalidReplyNotRetried(bool stream)
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Server.InjectFault(new SimulatedFault(SimulatedFaultKind.Garbage) { Count = null });
        using var client = sim.CreateClient(SimHarness.FastOptions(stream));

        var ex = await Assert.ThrowsAsync<ModelUnavailableException>(() => client.GetResponseAsync(Ask, cancellationToken: Ct));

        Assert.Equal(ModelFailureKind.InvalidReply, Failure(ex).Kind);
        Assert.Contains("OpenAI", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("connection dropped", ex.Message, StringComparison.Ordinal);
        Assert.Single(sim.Server.Requests);
    }

    [Fact]
    public async Task GetResponseAsync_MalformedStreamChunk_ClearInvalidReplyNotACrash()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Server.InjectFault(new SimulatedFault(SimulatedFaultKind.MalformedChunk) { Count = null });
        using var client = sim.CreateClient(SimHarness.FastOptions(stream: true));

        var ex = await Assert.ThrowsAsync<ModelUnavailableException>(() => client.GetResponseAsync(Ask, cancellationToken: Ct));

        Assert.Equal(ModelFailureKind.InvalidReply, Failure(ex).Kind);
        Assert.StartsWith("Model profile 'test-profile' at http://127.0.0.1:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not a readable OpenAI chat-completions reply", ex.Message, StringComparison.Ordinal);
        Assert.Single(sim.Server.Requests);
    }

    [Fact]
    public async Task GetResponseAsync_StreamAnsweredWithOneJsonBody_SaysToTurnStreamingOff()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Server.InjectFault(new SimulatedFault(SimulatedFaultKind.NotStreamed) { Count = null });
        using var client = sim.CreateClient(SimHarness.FastOptions(stream: true));

        var ex = await Assert.ThrowsAsync<ModelUnavailableException>(() => client.GetResponseAsync(Ask, cancellationToken: Ct));

        Assert.Equal(ModelFailureKind.InvalidReply, Failure(ex).Kind);
        Assert.Contains("\"Stream\": false in Models:test-profile", ex.Message, StringComparison.Ordinal);
        Assert.Single(sim.Server.Requests);
    }

    [Fact]
    public async Task GetResponseAsync_ProfileTurnsStreamingOff_SendsAPlainRequest()
    {
        await using var sim = await SimHarness.StartAsync(configure: p => p.Stream = false);
        sim.Server.InjectFault(new SimulatedFault(SimulatedFaultKind.NotStreamed) { Count = null });
        using var client = sim.CreateClient(SimHarness.FastOptions(stream: true));

        var response = await client.GetResponseAsync(Ask, cancellationToken: Ct);

        Assert.False(Assert.Single(sim.Server.Requests).Stream);
        Assert.Equal(OpenAiChatClientTests.ChatCompletionsEndpoint_NoGroundTruth, response.Text);
    }

    [Theory]
    [InlineData(SimulatedFaultKind.RateLimit, 429)]
    [InlineData(SimulatedFaultKind.ServerError, 500)]
    public async Task GetResponseAsync_RateLimitOrServerErrorTwice_RetriedWithBackoffThenSucceeds(SimulatedFaultKind kind, int status)
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Server.InjectFault(new SimulatedFault(kind) { Count = 2, RetryAfter = TimeSpan.Zero });
        using var client = sim.CreateClient();

        var response = await client.GetResponseAsync(Ask, cancellationToken: Ct);

        Assert.Equal([status, status, 200], sim.Server.Requests.Select(r => r.Status));
        Assert.NotEmpty(response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_CredentialsInTheEndpointUrl_RedactedFromTheMessage()
    {
        await using var sim = await SimHarness.StartAsync();
        var port = new Uri(sim.Server.BaseUrl).Port;
        sim.Profile.Endpoint = $"http://alice:hunter2@127.0.0.1:{port}/v1";
        sim.Profile.Model = "no-such-model";
        using var client = sim.CreateClient();

        var ex = await Assert.ThrowsAsync<ModelUnavailableException>(() => client.GetResponseAsync(Ask, cancellationToken: Ct));

        Assert.Equal(ModelFailureKind.NotFound, Failure(ex).Kind);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"http://***@127.0.0.1:{port}/v1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UrlRedaction_Redact_RemovesUserInfoFromAnyUrlInText()
    {
        Assert.Equal("at http://***@host:8000/v1 and https://***@x.org/a", UrlRedaction.Redact("at http://u:p@host:8000/v1 and https://token@x.org/a"));
        Assert.Equal("mail bob@example.com stays", UrlRedaction.Redact("mail bob@example.com stays"));
        Assert.Equal("http://***@h/v1", UrlRedaction.Redact(new Uri("http://u:p@h/v1")));
    }

    private static ModelCallFailure Failure(ModelUnavailableException ex) => Assert.IsType<ModelCallFailure>(ex.InnerException);

    /// <summary>The hostile server records how much of its body got out once its write loop ends (the client hung up).</summary>
    private static async Task<long> BytesWrittenAsync(SimulatedServer server)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (server.Requests is [{ BytesWritten: > 0 } request])
            {
                return request.BytesWritten;
            }

            await Task.Delay(20, Ct);
        }

        return long.MaxValue;
    }
}
