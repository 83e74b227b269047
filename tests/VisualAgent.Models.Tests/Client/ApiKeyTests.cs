using Microsoft.Extensions.AI;
using VisualAgent.Errors;
using VisualAgent.Models.Client;
using VisualAgent.Simulator;
using VisualAgent.Tests.Simulator;

namespace VisualAgent.Tests.Client;

public sealed class ApiKeyTests
{
    private const string Key = "sk-test-5f1e2d3c4b5a69788796";
    private static readonly ChatMessage[] Ask = [new(ChatRole.User, "hello")];

    private static ModelClientOptions WithKey(string value) => new()
    {
        Retry = RetryOptions.None,
        GetEnvironmentVariable = name => name == "VA_TEST_KEY" ? value : null,
    };

    [Fact]
    public async Task Create_KeyInNamedVariable_SentAsBearerHeader()
    {
        await using var sim = await SimHarness.StartAsync(options: new SimulatedServerOptions { ApiKey = Key }, configure: p => p.ApiKeyEnv = "VA_TEST_KEY");
        using var client = ModelClientFactory.Create(sim.Profile, WithKey(Key));

        await client.GetResponseAsync(Ask, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal($"Bearer {Key}", Assert.Single(sim.Server.Requests).Authorization);
    }

    [Fact]
    public async Task GetResponseAsync_ServerRefusesKey_MessageNamesVariableButNeverTheKey()
    {
        await using var sim = await SimHarness.StartAsync(options: new SimulatedServerOptions { ApiKey = "sk-the-right-one-000000" }, configure: p => p.ApiKeyEnv = "VA_TEST_KEY");
        using var client = ModelClientFactory.Create(sim.Profile, WithKey(Key));

        var ex = await Assert.ThrowsAsync<ModelUnavailableException>(() => client.GetResponseAsync(Ask, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("VA_TEST_KEY", ex.Message, StringComparison.Ordinal);
        Assert.Contains("401", ex.Message, StringComparison.Ordinal);
        Assert.Contains("test-profile", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ModelUnavailable, ex.ExitCode);
    }

    [Fact]
    public async Task Create_VariableNotSet_ThrowsEnvironmentMissingNamingIt()
    {
        await using var sim = await SimHarness.StartAsync(configure: p => p.ApiKeyEnv = "VA_TEST_KEY");

        var ex = Assert.Throws<EnvironmentMissingException>(() => ModelClientFactory.Create(sim.Profile, WithKey("")));

        Assert.Contains("VA_TEST_KEY", ex.Message, StringComparison.Ordinal);
        Assert.Contains("test-profile", ex.Message, StringComparison.Ordinal);
    }
}
