using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using VisualAgent.Errors;

namespace VisualAgent.Models.Client;

/// <summary>
/// Retries transient failures (connection errors, 429, 5xx, truncated streams; see <see cref="ModelCallFailure.IsTransient"/>)
/// through a Polly retry pipeline: exponential backoff plus jitter (<see cref="RetryOptions.DelayFor"/>), honouring
/// Retry-After, at most <see cref="RetryOptions.MaxAttempts"/> attempts; a timeout is not transient and is not retried.
/// A stream is retried only while nothing has been yielded. Waits use the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class RetryingChatClient : DelegatingChatClient
{
    private readonly ILogger _logger;
    private readonly RetryOptions _options;
    private readonly ResiliencePipeline _pipeline;
    private int _attempts;

    public RetryingChatClient(IChatClient innerClient, RetryOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : base(innerClient)
    {
        _logger = logger ?? NullLogger.Instance;
        _options = options ?? new RetryOptions();
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider ?? TimeProvider.System };
        if (_options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.MaxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(Transient(args.Outcome.Exception) is not null),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    _options.DelayFor(args.AttemptNumber + 1, Transient(args.Outcome.Exception)?.RetryAfter, Random.Shared.NextDouble())),
                OnRetry = args =>
                {
                    var failure = Transient(args.Outcome.Exception)!;
                    LogRetrying(_logger, EndpointName(failure), failure.Kind, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = builder.Build();
    }

    /// <summary>Attempts made by this client in total (for tests and reports).</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var attempt = 0;
        try
        {
            return await _pipeline.ExecuteAsync(
                async ct =>
                {
                    attempt++;
                    Interlocked.Increment(ref _attempts);
                    return await base.GetResponseAsync(messages, options, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ModelUnavailableException ex) when (Transient(ex) is { } failure)
        {
            throw GaveUp(ex, failure, attempt);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The retried part is "open the stream and read its first update"; once an update was yielded, a failure is final.
        var attempt = 0;
        IAsyncEnumerator<ChatResponseUpdate> updates;
        bool any;
        try
        {
            (updates, any) = await _pipeline.ExecuteAsync(
                async ct =>
                {
                    attempt++;
                    Interlocked.Increment(ref _attempts);
                    var opened = base.GetStreamingResponseAsync(messages, options, ct).GetAsyncEnumerator(ct);
                    try
                    {
                        return (opened, await opened.MoveNextAsync().ConfigureAwait(false));
                    }
                    catch
                    {
                        await opened.DisposeAsync().ConfigureAwait(false);
                        throw;
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ModelUnavailableException ex) when (Transient(ex) is { } failure)
        {
            throw GaveUp(ex, failure, attempt);
        }

        try
        {
            while (any)
            {
                yield return updates.Current;
                any = await updates.MoveNextAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await updates.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static ModelCallFailure? Transient(Exception? ex) =>
        ex is ModelUnavailableException { InnerException: ModelCallFailure { IsTransient: true } failure } ? failure : null;

    private ModelUnavailableException GaveUp(ModelUnavailableException ex, ModelCallFailure failure, int attempt)
    {
        LogGaveUp(_logger, EndpointName(failure), failure.Kind, attempt);
        return attempt <= 1 ? ex : new ModelUnavailableException($"{ex.Message} Gave up after {attempt} attempts.", failure);
    }

    private static string EndpointName(ModelCallFailure failure) =>
        failure.Endpoint is { } endpoint ? VisualAgent.Errors.UrlRedaction.Redact(endpoint) : "?";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model call to {Endpoint} failed ({Kind}) on attempt {Attempt}; retrying in {DelayMs:0} ms")]
    private static partial void LogRetrying(ILogger logger, string endpoint, ModelFailureKind kind, int attempt, double delayMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model call to {Endpoint} failed ({Kind}); gave up after {Attempt} attempts")]
    private static partial void LogGaveUp(ILogger logger, string endpoint, ModelFailureKind kind, int attempt);
}
