using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VisualAgent.Errors;

namespace VisualAgent.Models.Client;

/// <summary>
/// Retries transient failures (connection errors, 429, 5xx, truncated streams; see <see cref="ModelCallFailure.IsTransient"/>)
/// with exponential backoff plus jitter, honouring Retry-After, at most <see cref="RetryOptions.MaxAttempts"/> attempts.
/// A stream is retried only while nothing has been yielded. Waits use the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class RetryingChatClient(IChatClient innerClient, RetryOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    : DelegatingChatClient(innerClient)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly RetryOptions _options = options ?? new RetryOptions();
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private int _attempts;

    /// <summary>Attempts made by this client in total (for tests and reports).</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            Interlocked.Increment(ref _attempts);
            try
            {
                return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            }
            catch (ModelUnavailableException ex) when (ex.InnerException is ModelCallFailure { IsTransient: true } failure)
            {
                await WaitOrGiveUpAsync(ex, failure, attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            Interlocked.Increment(ref _attempts);
            var yielded = false;
            var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    ModelUnavailableException? retry = null;
                    try
                    {
                        if (!await updates.MoveNextAsync().ConfigureAwait(false))
                        {
                            yield break;
                        }
                    }
                    catch (ModelUnavailableException ex) when (!yielded && ex.InnerException is ModelCallFailure { IsTransient: true })
                    {
                        retry = ex;
                    }

                    if (retry is not null)
                    {
                        await WaitOrGiveUpAsync(retry, (ModelCallFailure)retry.InnerException!, attempt, cancellationToken).ConfigureAwait(false);
                        break;
                    }

                    yielded = true;
                    yield return updates.Current;
                }
            }
            finally
            {
                await updates.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task WaitOrGiveUpAsync(ModelUnavailableException ex, ModelCallFailure failure, int attempt, CancellationToken cancellationToken)
    {
        if (attempt >= _options.MaxAttempts)
        {
            LogGaveUp(_logger, EndpointName(failure), failure.Kind, attempt);
            throw attempt == 1 ? ex : new ModelUnavailableException($"{ex.Message} Gave up after {attempt} attempts.", failure);
        }

        var delay = _options.DelayFor(attempt, failure.RetryAfter, Random.Shared.NextDouble());
        LogRetrying(_logger, EndpointName(failure), failure.Kind, attempt, delay.TotalMilliseconds);
        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
    }

    private static string EndpointName(ModelCallFailure failure) =>
        failure.Endpoint is { } endpoint ? VisualAgent.Errors.UrlRedaction.Redact(endpoint) : "?";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model call to {Endpoint} failed ({Kind}) on attempt {Attempt}; retrying in {DelayMs:0} ms")]
    private static partial void LogRetrying(ILogger logger, string endpoint, ModelFailureKind kind, int attempt, double delayMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model call to {Endpoint} failed ({Kind}); gave up after {Attempt} attempts")]
    private static partial void LogGaveUp(ILogger logger, string endpoint, ModelFailureKind kind, int attempt);
}
