using Microsoft.Extensions.AI;
using VisualAgent.Actions;
using VisualAgent.Drivers;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Grounding;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Models.Client;

/// <summary>
/// Asks a model one question about screenshots in its dialect: sizes each image with the dialect and the profile's
/// budget, resizes it to exactly that size, builds the prompt, sends it, and parses the reply into screenshot pixels.
/// A reply that does not parse gets one corrective follow-up quoting the parse error (<see cref="MaxRepairs"/>).
/// For a multi-turn conversation use <see cref="VlmSession"/>.
/// </summary>
/// <param name="resizer">Resizes PNG bytes to exactly the given size and returns PNG bytes (the Vision layer's resize).</param>
public sealed class ModelCaller(
    ModelProfile profile,
    IModelDialect dialect,
    IChatClient client,
    Func<ReadOnlyMemory<byte>, PixelSize, byte[]> resizer,
    TimeProvider? timeProvider = null)
{
    public const string SimulatorFingerprint = "visual-agent-simulator";

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public ModelProfile Profile => profile;

    public IModelDialect Dialect => dialect;

    /// <summary>Corrective follow-ups allowed per call (default 1; 0 = none).</summary>
    public int MaxRepairs { get; init; } = 1;

    /// <summary>The exact size an image of <paramref name="original"/> size is sent at with this profile.</summary>
    public PixelSize SizeToSend(PixelSize original) => dialect.SizeToSend(original, profile.ResolveBudget(dialect.DefaultBudget));

    /// <summary>One stateless call (grounding, bench questions): system prompt, one user turn with the images, the reply.</summary>
    public Task<ModelCallResult> CallAsync(ModelTask task, IReadOnlyList<Screenshot> images, CancellationToken cancellationToken = default) =>
        ExchangeAsync([], task, images, cancellationToken);

    public Task<ModelCallResult> CallAsync(ModelTask task, Screenshot image, CancellationToken cancellationToken = default) =>
        ExchangeAsync([], task, [image], cancellationToken);

    /// <summary>Appends the user turn (and the replies, and any corrective turn) to <paramref name="history"/>.</summary>
    internal async Task<ModelCallResult> ExchangeAsync(List<ChatMessage> history, ModelTask task, IReadOnlyList<Screenshot> images, CancellationToken cancellationToken)
    {
        var prepared = images.Select(Prepare).ToList();
        var original = prepared.Count > 0 ? prepared[^1].Original : default;
        var sent = prepared.Count > 0 ? prepared[^1].Sent : default;
        var context = profile.ReplyContextFor(original, sent);
        var prompt = dialect.BuildPrompt(task, context);
        if (history.Count == 0 && prompt.System.Length > 0)
        {
            history.Add(new ChatMessage(ChatRole.System, prompt.System));
        }

        var contents = new List<AIContent> { new TextContent(prompt.User) };
        contents.AddRange(prepared.Select(p => p.Content));
        history.Add(new ChatMessage(ChatRole.User, contents));
        var options = SamplingChatOptions.Create(profile.Sampling, prompt.Stop, task.Kind is ModelTaskKind.Ground or ModelTaskKind.TextSpotting);
        var imageTokens = prepared.Sum(p => ImageTokens(p.Sent));
        var calls = new List<ChatResponse>();
        var rejected = new List<string>();
        while (true)
        {
            var response = await client.GetResponseAsync(history, options, cancellationToken).ConfigureAwait(false);
            calls.Add(response);
            var raw = ChatReplyText.Of(response);
            history.Add(new ChatMessage(ChatRole.Assistant, raw));
            try
            {
                var reply = Judge(dialect.Parse(raw, context), task, raw);
                return Result(reply, raw, prepared, calls, rejected, imageTokens);
            }
            catch (ModelReplyParseException ex) when (rejected.Count < MaxRepairs)
            {
                rejected.Add(raw);
                history.Add(new ChatMessage(ChatRole.User, Correction(ex)));
            }
        }
    }

    /// <summary>
    /// What a parsed reply may ask for: a next-action reply must hold an action (a refusal or other prose is not one, and is
    /// never read as "done"), and waits are cut to the profile's MaxWaitSeconds.
    /// </summary>
    private ParsedReply Judge(ParsedReply reply, ModelTask task, string raw)
    {
        if (task.Kind == ModelTaskKind.NextAction && reply.Action is null)
        {
            var said = reply.Text is { Length: > 0 } text ? $" (it says: \"{(text.Length <= 120 ? text : text[..120] + "...")}\")" : "";
            throw new ModelReplyParseException(
                $"The {dialect.Id} reply holds no action{said}: a next-action reply must call exactly one action, or finish the task with its done/answer action.", raw);
        }

        return reply.Action is { } action ? reply with { Action = CapWaits(action) } : reply;
    }

    private AgentAction CapWaits(AgentAction action)
    {
        var max = profile.MaxWaitSeconds;
        var capped = action switch
        {
            WaitAction w when !(w.Seconds <= max) => w with { Seconds = max },
            LongPressAction l when !(l.Seconds <= max) => l with { Seconds = max },
            _ => action,
        };
        return capped.Then is { Count: > 0 } then ? capped with { Then = [.. then.Select(CapWaits)] } : capped;
    }

    /// <summary>The corrective follow-up: quotes the parse error and asks for the promised format only.</summary>
    public static string Correction(ModelReplyParseException error) =>
        $"Your last reply could not be read: {error.Message} Reply again with only the answer, in exactly the format the instructions ask for.";

    private PreparedImage Prepare(Screenshot shot)
    {
        var sent = SizeToSend(shot.Size);
        var png = sent == shot.Size ? shot.Png : resizer(shot.Png, sent);
        return new PreparedImage(new DataContent(png, "image/png"), shot.Size, sent);
    }

    /// <summary>The family's own image-token count for the sent size (fixed-size encoders such as BLIP-2 count 32).</summary>
    /// A dialect outside the registry (a test's) is counted as one token per factor x factor patch.
    private long ImageTokens(PixelSize sent)
    {
        if (DialectRegistry.Ids.Contains(dialect.Id, StringComparer.Ordinal))
        {
            return Imaging.ImageTokens.Count(dialect.Id, sent);
        }

        long factor = Math.Max(1, dialect.DefaultBudget.Factor);
        return sent.Area / (factor * factor);
    }

    private ModelCallResult Result(ParsedReply reply, string raw, List<PreparedImage> prepared, List<ChatResponse> calls, List<string> rejected, long imageTokens)
    {
        TokenUsage? usage = null;
        foreach (var u in calls.Select(c => c.Usage).OfType<UsageDetails>())
        {
            var next = new TokenUsage(u.InputTokenCount ?? 0, u.OutputTokenCount ?? 0, imageTokens);
            usage = usage is null ? next : usage + next;
        }

        var last = calls[^1];
        return new ModelCallResult
        {
            Reply = reply,
            Raw = raw,
            OriginalSize = prepared.Count > 0 ? prepared[^1].Original : default,
            SentSize = prepared.Count > 0 ? prepared[^1].Sent : default,
            SentSizes = [.. prepared.Select(p => p.Sent)],
            Usage = usage,
            Latency = calls.Aggregate(TimeSpan.Zero, (sum, c) => sum + (ChatTimings.GetLatency(c.AdditionalProperties) ?? TimeSpan.Zero)),
            TimeToFirstToken = ChatTimings.GetTimeToFirstToken(calls[0].AdditionalProperties),
            Calls = calls.Count,
            RejectedReplies = rejected,
            ModelId = last.ModelId,
            Endpoint = ChatTimings.GetEndpoint(last.AdditionalProperties),
            Simulated = ChatTimings.GetSystemFingerprint(last.AdditionalProperties) == SimulatorFingerprint,
        };
    }

    private sealed record PreparedImage(DataContent Content, PixelSize Original, PixelSize Sent);
}
