using System.ClientModel;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using VisualAgent.Errors;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace VisualAgent.Models.Client;

/// <summary>
/// <see cref="IChatClient"/> over the official OpenAI SDK's <see cref="ChatClient"/>, for one endpoint (replica).
/// Records latency, time to first token and the endpoint in AdditionalProperties (<see cref="ChatTimings"/>);
/// translates every failure into a ModelUnavailableException whose InnerException is a <see cref="ModelCallFailure"/>.
/// With <c>stream</c> set, GetResponseAsync streams under the hood so time to first token is measured. A body that is
/// not a chat-completions reply (garbage, a malformed chunk, fields the SDK cannot read) is an InvalidReply failure, never
/// an unhandled exception. <paramref name="owned"/> (the replica's HTTP client) is disposed with this client.
/// </summary>
internal sealed class OpenAiChatClient(EndpointTarget target, ChatClient chat, bool stream, TimeProvider timeProvider, IDisposable? owned = null) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new("openai", target.Endpoint, target.Model);

    public EndpointTarget Target => target;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (stream)
        {
            return await StreamedResponse.CollectAsync(GetStreamingResponseAsync(messages, options, cancellationToken)).ConfigureAwait(false);
        }

        var request = OpenAiRequestMapper.ToMessages(messages);
        var requestOptions = OpenAiRequestMapper.ToOptions(options);
        var started = timeProvider.GetTimestamp();
        using var timeout = new CancellationTokenSource(target.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        ChatCompletion completion;
        try
        {
            completion = (await chat.CompleteChatAsync(request, requestOptions, linked.Token).ConfigureAwait(false)).Value;
        }
        catch (Exception ex) when (IsTransportError(ex, cancellationToken))
        {
            throw Translate(ex, cancellationToken);
        }
        catch (Exception ex) when (IsMalformed(ex))
        {
            throw ModelErrors.InvalidReply(target, ex);
        }

        ChatResponse response;
        try
        {
            response = OpenAiResponseMapper.ToResponse(completion);
        }
        catch (Exception ex) when (IsMalformed(ex))
        {
            throw ModelErrors.InvalidReply(target, ex);
        }

        ChatTimings.Set(response.AdditionalProperties!, timeProvider.GetElapsedTime(started), null, target.Endpoint, completion.SystemFingerprint);
        return response;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AiChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = OpenAiRequestMapper.ToMessages(messages);
        var requestOptions = OpenAiRequestMapper.ToOptions(options);
        var started = timeProvider.GetTimestamp();
        using var timeout = new CancellationTokenSource(target.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var state = new StreamState();
        var updates = chat.CompleteChatStreamingAsync(request, requestOptions, linked.Token).GetAsyncEnumerator(linked.Token);
        try
        {
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception ex) when (IsTransportError(ex, cancellationToken))
                {
                    throw state.Received && ex is not ClientResultException && !timeout.IsCancellationRequested && ReplyRejectedException.Find(ex) is null
                        ? ModelErrors.Truncated(target) : Translate(ex, cancellationToken);
                }
                catch (Exception ex) when (IsMalformed(ex))
                {
                    throw ModelErrors.InvalidReply(target, ex);
                }

                ChatResponseUpdate? update;
                try
                {
                    update = state.Accept(updates.Current, timeProvider.GetElapsedTime(started));
                }
                catch (Exception ex) when (IsMalformed(ex))
                {
                    throw ModelErrors.InvalidReply(target, ex);
                }

                if (update is not null)
                {
                    yield return update;
                }
            }
        }
        finally
        {
            await DisposeQuietlyAsync(updates).ConfigureAwait(false);
        }

        if (!state.Received)
        {
            throw ModelErrors.EmptyStream(target);
        }

        if (!state.Finished)
        {
            throw ModelErrors.Truncated(target);
        }

        var last = state.Final();
        ChatTimings.Set(last.AdditionalProperties!, timeProvider.GetElapsedTime(started), state.TimeToFirstToken, target.Endpoint, state.Fingerprint);
        yield return last;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() => owned?.Dispose();

    private static bool IsTransportError(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        ClientResultException or HttpRequestException or IOException or System.Net.Sockets.SocketException => true,
        _ => false,
    };

    /// <summary>What the SDK throws when a body it received is not the reply it expects (bad JSON, missing or unknown fields).</summary>
    private static bool IsMalformed(Exception ex) =>
        ex is JsonException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException or InvalidCastException;

    private ModelUnavailableException Translate(Exception ex, CancellationToken cancellationToken) =>
        ex is OperationCanceledException && !cancellationToken.IsCancellationRequested ? ModelErrors.Timeout(target) : ModelErrors.From(ex, target);

    private static async ValueTask DisposeQuietlyAsync(IAsyncEnumerator<StreamingChatCompletionUpdate> updates)
    {
        try
        {
            await updates.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException or ClientResultException)
        {
            // The stream already failed or was abandoned; the error that matters was thrown from MoveNextAsync.
        }
    }
}
