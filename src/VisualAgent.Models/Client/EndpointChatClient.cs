using System.ClientModel;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;
using VisualAgent.Errors;

namespace VisualAgent.Models.Client;

/// <summary>
/// One endpoint (replica) of a profile: Microsoft.Extensions.AI's OpenAI adapter (<c>ChatClient.AsIChatClient()</c>) with
/// what this product adds around it: the profile's timeout, latency / time to first token / endpoint in
/// AdditionalProperties (<see cref="ChatTimings"/>), every failure as a ModelUnavailableException whose InnerException is
/// a <see cref="ModelCallFailure"/>, and the sampling fields the adapter does not send (<see cref="OpenAiBodyFields"/>).
/// With <c>stream</c> set, GetResponseAsync streams under the hood so time to first token is measured. A body that is
/// not a chat-completions reply is an InvalidReply failure, never an unhandled exception. <paramref name="owned"/> (the
/// replica's HTTP client) is disposed with this client.
/// </summary>
internal sealed class EndpointChatClient(EndpointTarget target, IChatClient adapter, bool stream, TimeProvider timeProvider, IDisposable? owned = null)
    : DelegatingChatClient(adapter)
{
    public EndpointTarget Target => target;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (stream)
        {
            return await StreamedResponse.CollectAsync(GetStreamingResponseAsync(messages, options, cancellationToken)).ConfigureAwait(false);
        }

        options = OpenAiBodyFields.Apply(options);
        var started = timeProvider.GetTimestamp();
        using var timeout = new CancellationTokenSource(target.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransportError(ex, cancellationToken))
        {
            throw Translate(ex, cancellationToken);
        }
        catch (Exception ex) when (IsMalformed(ex))
        {
            throw ModelErrors.InvalidReply(target, ex);
        }

        var completion = response.RawRepresentation as ChatCompletion;
        foreach (var call in response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>())
        {
            // The arguments exactly as the server sent them (the dialect reads them loosely when they are not JSON).
            var sent = completion?.ToolCalls.FirstOrDefault(t => t.Id == call.CallId)?.FunctionArguments;
            call.RawRepresentation = sent?.ToString() ?? call.RawRepresentation;
        }

        response.AdditionalProperties ??= [];
        ChatTimings.Set(response.AdditionalProperties, timeProvider.GetElapsedTime(started), null, target.Endpoint, completion?.SystemFingerprint);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options = OpenAiBodyFields.Apply(options);
        var started = timeProvider.GetTimestamp();
        using var timeout = new CancellationTokenSource(target.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var state = new StreamClosing();
        IAsyncEnumerator<ChatResponseUpdate>? updates = null;
        try
        {
            while (true)
            {
                try
                {
                    updates ??= base.GetStreamingResponseAsync(messages, options, linked.Token).GetAsyncEnumerator(linked.Token);
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

                var update = state.Accept(updates.Current, timeProvider.GetElapsedTime(started));
                if (update is not null)
                {
                    yield return update;
                }
            }
        }
        finally
        {
            if (updates is not null)
            {
                await DisposeQuietlyAsync(updates).ConfigureAwait(false);
            }
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

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EndpointTarget) ? target : base.GetService(serviceType, serviceKey);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            owned?.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool IsTransportError(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        ClientResultException or HttpRequestException or IOException or System.Net.Sockets.SocketException => true,
        _ => false,
    };

    /// <summary>What the SDK or the adapter throws when a body it received is not the reply it expects (bad JSON,
    /// missing or unknown fields).</summary>
    private static bool IsMalformed(Exception ex) =>
        ex is JsonException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException or InvalidCastException;

    private ModelUnavailableException Translate(Exception ex, CancellationToken cancellationToken) =>
        ex is OperationCanceledException && !cancellationToken.IsCancellationRequested ? ModelErrors.Timeout(target) : ModelErrors.From(ex, target);

    private static async ValueTask DisposeQuietlyAsync(IAsyncEnumerator<ChatResponseUpdate> updates)
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
