using System.ClientModel.Primitives;

namespace VisualAgent.Models.Client;

/// <summary>
/// Refuses, at the headers, a streaming request answered with one JSON body (a server that ignores "stream"): the SDK
/// would read it as an empty stream. Sits just before the transport, where an unbuffered (streaming) response is still unread.
/// </summary>
internal sealed class StreamMismatchPolicy(string profile) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ProcessNext(message, pipeline, currentIndex);
        Judge(message);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
        Judge(message);
    }

    private void Judge(PipelineMessage message)
    {
        if (message.BufferResponse || message.Response is not { IsError: false } response
            || !response.Headers.TryGetValue("Content-Type", out var type) || type is null)
        {
            return;
        }

        var media = type.Split(';')[0].Trim().ToLowerInvariant();
        if (media == "application/json" || media.EndsWith("+json", StringComparison.Ordinal))
        {
            response.Dispose();
            throw new ReplyRejectedException(ModelFailureKind.InvalidReply,
                $"the server answered a streaming request with one JSON body ({media}) instead of a stream of events. Set \"Stream\": false in Models:{profile} for this server");
        }
    }
}
