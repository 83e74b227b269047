using Microsoft.Extensions.Logging;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Models.LlamaSharp;

/// <summary>
/// The in-process models of this process, one load per distinct file and settings: every client of the same profile
/// (agent steps, bench samples, several stacks) shares it, and the last lease disposed releases the native memory.
/// </summary>
public static class LlamaModels
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Entry> Loaded = new(StringComparer.Ordinal);

    /// <summary>Loads done since the process started (tests and `bench` show a model is loaded once, not per call).</summary>
    public static int LoadCount { get; private set; }

    /// <summary>A lease on the model of <paramref name="profileName"/>, loading it when no one holds it.</summary>
    public static async Task<LlamaModelLease> AcquireAsync(string profileName, InProcessModelOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = KeyOf(options);
        Entry? entry;
        lock (Gate)
        {
            if (Loaded.TryGetValue(key, out entry))
            {
                entry.Leases++;
                return new LlamaModelLease(entry.Model, () => Release(key));
            }
        }

        // Loading reads gigabytes for a real model: off the caller's thread, and outside the lock.
        var model = await Task.Run(() => LlamaModel.Load(profileName, options, logger, cancellationToken), cancellationToken).ConfigureAwait(false);
        lock (Gate)
        {
            if (Loaded.TryGetValue(key, out entry))
            {
                // Another caller loaded the same model meanwhile: keep theirs.
                entry.Leases++;
                model.Dispose();
                return new LlamaModelLease(entry.Model, () => Release(key));
            }

            LoadCount++;
            Loaded[key] = new Entry(model) { Leases = 1 };
            return new LlamaModelLease(model, () => Release(key));
        }
    }

    private static void Release(string key)
    {
        LlamaModel? unload = null;
        lock (Gate)
        {
            if (Loaded.TryGetValue(key, out var entry) && --entry.Leases == 0)
            {
                Loaded.Remove(key);
                unload = entry.Model;
            }
        }

        unload?.Dispose();
    }

    private static string KeyOf(InProcessModelOptions o) =>
        string.Join('|', Path.GetFullPath(o.ModelPath ?? ""), o.MmprojPath is { Length: > 0 } m ? Path.GetFullPath(m) : "", o.GpuLayers, o.ContextSize, o.Threads, o.FallbackTemplate);

    private sealed class Entry(LlamaModel model)
    {
        public LlamaModel Model { get; } = model;

        public int Leases { get; set; }
    }
}
