using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using VisualAgent.Errors;

namespace VisualAgent.Models.Client;

/// <summary>
/// Spreads requests over replicas of one model: each goes to the healthy replica with the fewest outstanding requests.
/// A replica that fails with a connection error is taken out for <c>coolDown</c> and the request moves on to the next
/// replica at once (a stream only while nothing has been yielded); after the cool-down the replica is tried again.
/// When every replica is cooling down, the one whose cool-down ends first is tried anyway.
/// </summary>
public sealed class ReplicaBalancingChatClient : IChatClient
{
    private readonly Replica[] _replicas;
    private readonly TimeSpan _coolDown;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private int _next;

    public ReplicaBalancingChatClient(IReadOnlyList<IChatClient> replicas, TimeSpan coolDown, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(replicas.Count);
        _replicas = [.. replicas.Select(r => new Replica(r))];
        _coolDown = coolDown;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Requests each replica has served or attempted, in replica order.</summary>
    public IReadOnlyList<int> RequestCounts => [.. _replicas.Select(r => r.Requests)];

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var tried = new HashSet<Replica>();
        while (true)
        {
            var replica = Acquire(tried);
            try
            {
                return await replica.Client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            }
            catch (ModelUnavailableException ex) when (IsConnectionFailure(ex))
            {
                CoolDown(replica);
                if (tried.Count >= _replicas.Length)
                {
                    throw;
                }
            }
            finally
            {
                Release(replica);
            }
        }
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var tried = new HashSet<Replica>();
        while (true)
        {
            var replica = Acquire(tried);
            var yielded = false;
            var updates = replica.Client.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    var failedOver = false;
                    try
                    {
                        if (!await updates.MoveNextAsync().ConfigureAwait(false))
                        {
                            yield break;
                        }
                    }
                    catch (ModelUnavailableException ex) when (!yielded && IsConnectionFailure(ex))
                    {
                        CoolDown(replica);
                        if (tried.Count >= _replicas.Length)
                        {
                            throw;
                        }

                        failedOver = true;
                    }

                    if (failedOver)
                    {
                        break;
                    }

                    yielded = true;
                    yield return updates.Current;
                }
            }
            finally
            {
                Release(replica);
                await updates.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : _replicas[0].Client.GetService(serviceType, serviceKey);

    public void Dispose()
    {
        foreach (var r in _replicas)
        {
            r.Client.Dispose();
        }
    }

    private static bool IsConnectionFailure(ModelUnavailableException ex) =>
        ex.InnerException is ModelCallFailure { Kind: ModelFailureKind.Connection };

    private Replica Acquire(HashSet<Replica> tried)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var candidates = _replicas.Where(r => !tried.Contains(r)).ToList();
            if (candidates.Count == 0)
            {
                candidates = [.. _replicas];
            }

            var healthy = candidates.Where(r => r.CoolDownUntil <= now).ToList();
            Replica chosen;
            if (healthy.Count > 0)
            {
                var least = healthy.Min(r => r.Outstanding);
                var tied = healthy.Where(r => r.Outstanding == least).ToList();
                chosen = tied[_next++ % tied.Count];
            }
            else
            {
                chosen = candidates.MinBy(r => r.CoolDownUntil)!;
            }

            tried.Add(chosen);
            chosen.Outstanding++;
            chosen.Requests++;
            return chosen;
        }
    }

    private void Release(Replica replica)
    {
        lock (_lock)
        {
            replica.Outstanding--;
        }
    }

    private void CoolDown(Replica replica)
    {
        lock (_lock)
        {
            replica.CoolDownUntil = _time.GetTimestamp() + (long)(_coolDown.TotalSeconds * _time.TimestampFrequency);
        }
    }

    private sealed class Replica(IChatClient client)
    {
        public IChatClient Client { get; } = client;

        public int Outstanding { get; set; }

        public int Requests { get; set; }

        public long CoolDownUntil { get; set; } = long.MinValue;
    }
}
