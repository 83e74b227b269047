using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using VisualAgent.Hosting;
using VisualAgent.Models.Client;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Ui.Playground;

/// <summary>
/// Profiles opened through Hosting's <see cref="ModelStack"/> (the one composition place), once per profile and settings,
/// and reused; a stack whose model failed a call is dropped so the next call probes the endpoint again.
/// </summary>
internal sealed class ModelStackCache(IConfiguration configuration, ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ModelStack>>> _stacks = new(StringComparer.OrdinalIgnoreCase);

    public ModelProfiles Profiles => ModelProfiles.FromConfiguration(configuration);

    /// <summary>The validated profile named <paramref name="name"/> (a UsageException lists the known ones).</summary>
    public ModelProfile Profile(string name) => Profiles.Get(name.Trim());

    public async Task<ModelStack> OpenAsync(string name, ModelSettings settings, CancellationToken ct)
    {
        var profile = Profile(name);
        var key = profile.Name + "#" + (profile.IsOcr ? "" : settings.Key);
        var lazy = _stacks.GetOrAdd(key, _ => new Lazy<Task<ModelStack>>(() => OpenCoreAsync(settings.ApplyTo(profile))));
        try
        {
            return await lazy.Value.WaitAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            _stacks.TryRemove(new KeyValuePair<string, Lazy<Task<ModelStack>>>(key, lazy));
            throw;
        }
    }

    /// <summary>Forgets the opened stack of <paramref name="stack"/> (its model failed a call).</summary>
    public async Task DropAsync(ModelStack stack)
    {
        foreach (var (key, lazy) in _stacks)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully && ReferenceEquals(lazy.Value.Result, stack) && _stacks.TryRemove(key, out _))
            {
                await stack.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private Task<ModelStack> OpenCoreAsync(ModelProfile profile)
    {
        var options = ModelStackOptions.FromConfiguration(configuration) with
        {
            // One retry: a person is waiting, and a model that went down should say so in seconds, not after the backoff.
            ClientOptions = new ModelClientOptions { Logger = loggers.CreateLogger("VisualAgent.Models.Client"), Retry = new RetryOptions { MaxAttempts = 2 } },
            ProbeTimeout = TimeSpan.FromSeconds(2),
            Loggers = loggers,
        };
        return ModelStack.OpenAsync(profile, options, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _stacks.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                await lazy.Value.Result.DisposeAsync().ConfigureAwait(false);
            }
        }

        _stacks.Clear();
    }
}
