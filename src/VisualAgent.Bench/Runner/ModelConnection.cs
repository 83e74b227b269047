using Microsoft.Extensions.AI;
using VisualAgent.Errors;
using VisualAgent.Models.Client;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Profiles;
using VisualAgent.Simulator;
using VisualAgent.Vision;

namespace VisualAgent.Bench.Runner;

/// <summary>
/// A chat-model profile made ready for calls, the one place the CLI, the benchmark and the task runner do it: its
/// dialect, its client, and for sim-&lt;dialect&gt; profiles the in-process simulated server it talks to. A real endpoint
/// can be probed first so an unserved model fails fast instead of after the client's retries.
/// </summary>
public sealed class ModelConnection : IAsyncDisposable
{
    private readonly bool _ownsSimulator;

    private ModelConnection(ModelProfile profile, IModelDialect dialect, IChatClient client, SimulatedServer? simulator, bool ownsSimulator)
    {
        Profile = profile;
        Dialect = dialect;
        Client = client;
        Simulator = simulator;
        _ownsSimulator = ownsSimulator;
    }

    /// <summary>The profile with the endpoint actually called (the simulator's for sim-* profiles).</summary>
    public ModelProfile Profile { get; }

    public IModelDialect Dialect { get; }

    public IChatClient Client { get; }

    /// <summary>The simulated server behind a sim-* profile, else null.</summary>
    public SimulatedServer? Simulator { get; }

    /// <param name="probeTimeout">When set, a real endpoint that does not answer GET /models in time throws <see cref="ModelUnavailableException"/>.</param>
    /// <param name="simulator">A simulated server the caller owns, to use instead of starting one.</param>
    public static async Task<ModelConnection> OpenAsync(
        ModelProfile profile,
        ModelClientOptions? clientOptions = null,
        TimeSpan? probeTimeout = null,
        SimulatedServer? simulator = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var dialect = DialectRegistry.Get(profile.Dialect ?? throw new UsageException(
            $"Model profile '{profile.Name}' names no Dialect (one of {string.Join(", ", DialectRegistry.Ids)})."));
        var live = profile;
        var owns = false;
        if (profile.IsSimulated)
        {
            owns = simulator is null;
            simulator ??= await SimulatedServer.StartForProfileAsync(profile, cancellationToken).ConfigureAwait(false);
            live = profile.WithEndpoint(simulator.BaseUrl);
        }
        else if (probeTimeout is { } timeout
            && await EndpointProbe.CheckAsync(profile.Name, profile.GetEndpoints(), timeout, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            throw new ModelUnavailableException(problem);
        }

        try
        {
            return new ModelConnection(live, dialect, ModelClientFactory.Create(live, clientOptions), profile.IsSimulated ? simulator : null, owns);
        }
        catch
        {
            if (owns)
            {
                await simulator!.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>A caller that sizes images with the Vision layer's resizer.</summary>
    public ModelCaller CreateCaller() => new(Profile, Dialect, Client, PngResizer.Resize);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_ownsSimulator && Simulator is not null)
        {
            await Simulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
