using Microsoft.Extensions.AI;
using VisualAgent.Models.Client;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Profiles;
using VisualAgent.Simulator;

namespace VisualAgent.Tests.Simulator;

/// <summary>A started simulated server plus a profile pointing at it; fast retry delays so tests do not wait.</summary>
internal sealed class SimHarness : IAsyncDisposable
{
    private SimHarness(SimulatedServer server, ModelProfile profile)
    {
        Server = server;
        Profile = profile;
    }

    public SimulatedServer Server { get; }

    public ModelProfile Profile { get; }

    public static ModelClientOptions FastOptions(bool stream = true) => new()
    {
        Stream = stream,
        Retry = new RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) },
        ReplicaCoolDown = TimeSpan.FromSeconds(30),
    };

    public static async Task<SimHarness> StartAsync(IModelDialect? dialect = null, SimulatedServerOptions? options = null, Action<ModelProfile>? configure = null)
    {
        var server = new SimulatedServer(dialect ?? new FakeClickDialect(), options);
        await server.StartAsync();
        var profile = new ModelProfile
        {
            Name = "test-profile",
            Endpoint = server.BaseUrl,
            Model = server.Dialect.Id,
            Dialect = "generic-json",
            TimeoutSeconds = 10,
            MaxConcurrency = 4,
        };
        configure?.Invoke(profile);
        return new SimHarness(server, profile);
    }

    public IChatClient CreateClient(ModelClientOptions? options = null) => ModelClientFactory.Create(Profile, options ?? FastOptions());

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
