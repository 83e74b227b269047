using System.Text;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace VisualAgent.Models.Client;

/// <summary>Accumulates one streamed reply: text updates pass through, tool-call fragments and usage are gathered for the final update.</summary>
internal sealed class StreamState
{
    private readonly SortedDictionary<int, (string? Id, string? Name, StringBuilder Args)> _calls = [];
    private UsageDetails? _usage;
    private Microsoft.Extensions.AI.ChatFinishReason? _finish;
    private string? _model;
    private string? _id;

    public bool Received { get; private set; }

    public bool Finished => _finish is not null;

    public TimeSpan? TimeToFirstToken { get; private set; }

    public string? Fingerprint { get; private set; }

    public ChatResponseUpdate? Accept(StreamingChatCompletionUpdate u, TimeSpan elapsed)
    {
        Received = true;
        _model ??= u.Model;
        _id ??= u.CompletionId;
        Fingerprint ??= u.SystemFingerprint;
        _finish = OpenAiResponseMapper.ToFinishReason(u.FinishReason) ?? _finish;
        if (u.Usage is not null)
        {
            _usage = OpenAiResponseMapper.ToUsage(u.Usage);
        }

        foreach (var call in u.ToolCallUpdates)
        {
            TimeToFirstToken ??= elapsed;
            if (!_calls.TryGetValue(call.Index, out var entry))
            {
                entry = (null, null, new StringBuilder());
            }

            entry = (entry.Id ?? call.ToolCallId, entry.Name ?? call.FunctionName, entry.Args);
            if (call.FunctionArgumentsUpdate is { } args && !args.IsEmpty)
            {
                entry.Args.Append(args.ToString());
            }

            _calls[call.Index] = entry;
        }

        var text = string.Concat(u.ContentUpdate.Select(p => p.Text));
        if (text.Length == 0)
        {
            return null;
        }

        TimeToFirstToken ??= elapsed;
        return new ChatResponseUpdate(ChatRole.Assistant, text) { ModelId = _model, ResponseId = _id };
    }

    /// <summary>The closing update: tool calls, usage, finish reason (timings are added by the client).</summary>
    public ChatResponseUpdate Final()
    {
        var contents = new List<AIContent>();
        foreach (var (_, call) in _calls)
        {
            contents.Add(OpenAiResponseMapper.ToFunctionCall(call.Id, call.Name, call.Args.ToString()));
        }

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
