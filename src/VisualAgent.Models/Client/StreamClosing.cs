using Microsoft.Extensions.AI;
using OpenAI.Chat;
using ChatFinishReason = Microsoft.Extensions.AI.ChatFinishReason;

namespace VisualAgent.Models.Client;

/// <summary>Follows one streamed reply from the OpenAI adapter: text updates pass through as they arrive; tool calls,
/// usage, the finish reason and ids are gathered into one closing update (where the client adds its timings).</summary>
internal sealed class StreamClosing
{
    private readonly List<AIContent> _closing = [];
    private readonly Dictionary<string, System.Text.StringBuilder> _arguments = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _callIds = [];
    private UsageDetails? _usage;
    private ChatFinishReason? _finish;
    private string? _model;
    private string? _id;

    public bool Received { get; private set; }

    public bool Finished => _finish is not null;

    public TimeSpan? TimeToFirstToken { get; private set; }

    public string? Fingerprint { get; private set; }

    /// <summary>The update to pass on now (its text), or null when it carried nothing to show yet.</summary>
    public ChatResponseUpdate? Accept(ChatResponseUpdate u, TimeSpan elapsed)
    {
        Received = true;
        _model ??= u.ModelId;
        _id ??= u.ResponseId;
        _finish = u.FinishReason ?? _finish;
        if (u.RawRepresentation is StreamingChatCompletionUpdate raw)
        {
            Fingerprint ??= raw.SystemFingerprint;
            foreach (var call in raw.ToolCallUpdates)
            {
                TimeToFirstToken ??= elapsed; // a tool-call fragment is the first token of a tool-call reply
                if (call.ToolCallId is { Length: > 0 } callId)
                {
                    _callIds[call.Index] = callId;
                }

                if (_callIds.TryGetValue(call.Index, out var id) && call.FunctionArgumentsUpdate is { } args && !args.IsEmpty)
                {
                    (_arguments.TryGetValue(id, out var sb) ? sb : _arguments[id] = new()).Append(args.ToString());
                }
            }
        }

        var text = new List<AIContent>();
        foreach (var c in u.Contents)
        {
            switch (c)
            {
                case TextContent t when t.Text.Length > 0:
                    text.Add(t);
                    break;
                case TextContent:
                    break;
                case UsageContent usage:
                    _usage = usage.Details;
                    break;
                case FunctionCallContent call:
                    // The arguments exactly as the server sent them (the dialect reads them loosely when they are not JSON).
                    call.RawRepresentation = _arguments.TryGetValue(call.CallId, out var sent) ? sent.ToString() : call.RawRepresentation;
                    TimeToFirstToken ??= elapsed;
                    _closing.Add(call);
                    break;
                default:
                    TimeToFirstToken ??= elapsed;
                    _closing.Add(c);
                    break;
            }
        }

        if (text.Count == 0)
        {
            return null;
        }

        TimeToFirstToken ??= elapsed;
        return new ChatResponseUpdate(ChatRole.Assistant, text) { ModelId = _model, ResponseId = _id };
    }

    /// <summary>The closing update: tool calls, usage, finish reason (timings are added by the client).</summary>
    public ChatResponseUpdate Final()
    {
        var contents = new List<AIContent>(_closing);
        if (_usage is not null)
        {
            contents.Add(new UsageContent(_usage));
        }

        return new ChatResponseUpdate(ChatRole.Assistant, contents)
        {
            ModelId = _model,
            ResponseId = _id,
            FinishReason = _finish,
            AdditionalProperties = [],
        };
    }
}
