using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VisualAgent.Errors;
using VisualAgent.Models.Client;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Models.LlamaSharp;

/// <summary>
/// <see cref="IChatClient"/> over a model loaded in this process (profile kind "llamasharp"): the conversation is rendered
/// with the model's own chat template (or the profile's fallback), images go through the multimodal projector, and the
/// reply carries token counts and timings like the HTTP client's (<see cref="ChatTimings"/>), so dialects, the agent,
/// `ground` and the bench use it unchanged. Holds a lease on the shared model; disposing the client releases it.
/// </summary>
public sealed class LlamaChatClient : IChatClient
{
    private readonly LlamaModelLease _lease;
    private readonly ChatClientMetadata _metadata;
    private readonly Uri _endpoint;

    private LlamaChatClient(LlamaModelLease lease, string profileName, string modelId)
    {
        _lease = lease;
        _endpoint = new Uri("llamasharp:" + Uri.EscapeDataString(profileName));
        _metadata = new ChatClientMetadata("llamasharp", _endpoint, modelId);
    }

    public LlamaModel Model => _lease.Model;

    /// <summary>A client of <paramref name="profile"/>'s in-process model, loading it unless this process already has.</summary>
    public static async Task<LlamaChatClient> OpenAsync(ModelProfile profile, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!profile.IsInProcess)
        {
            throw new UsageException($"Model profile '{profile.Name}' is of kind {profile.Kind}, not {ModelKinds.LlamaSharp}.");
        }

        profile.Validate();
        var lease = await LlamaModels.AcquireAsync(profile.Name, profile.InProcess, logger ?? NullLogger.Instance, cancellationToken).ConfigureAwait(false);
        return new LlamaChatClient(lease, profile.Name, profile.Model ?? Path.GetFileNameWithoutExtension(profile.InProcess.ModelPath!));
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var model = Model;
        var started = Stopwatch.GetTimestamp();
        var prompt = LlamaPrompt.Render(model, messages);
        var generation = await LlamaGenerator.GenerateAsync(model, prompt, options, null, cancellationToken).ConfigureAwait(false);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, generation.Text))
        {
            ModelId = _metadata.DefaultModelId,
            FinishReason = generation.HitLimit ? ChatFinishReason.Length : ChatFinishReason.Stop,
            Usage = UsageOf(generation),
            AdditionalProperties = [],
        };
        Record(response.AdditionalProperties, generation, Stopwatch.GetElapsedTime(started));
        return response;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var model = Model;
        var started = Stopwatch.GetTimestamp();
        var prompt = LlamaPrompt.Render(model, messages);
        var pieces = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var generating = LlamaGenerator.GenerateAsync(model, prompt, options, piece => pieces.Writer.TryWrite(piece), cancellationToken);
        _ = generating.ContinueWith(t => pieces.Writer.TryComplete(t.Exception?.InnerException), TaskScheduler.Default);
        await foreach (var piece in pieces.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, piece) { ModelId = _metadata.DefaultModelId };
        }

        var generation = await generating.ConfigureAwait(false);
        var last = new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            ModelId = _metadata.DefaultModelId,
            FinishReason = generation.HitLimit ? ChatFinishReason.Length : ChatFinishReason.Stop,
            Contents = [new UsageContent(UsageOf(generation))],
            AdditionalProperties = [],
        };
        Record(last.AdditionalProperties, generation, Stopwatch.GetElapsedTime(started));
        yield return last;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() => _lease.Dispose();

    /// <summary>Key of the generation speed in AdditionalProperties (tokens per second, the prompt not included).</summary>
    public const string TokensPerSecondKey = "visualagent.tokens_per_second";

    private void Record(AdditionalPropertiesDictionary properties, LlamaGeneration generation, TimeSpan latency)
    {
        ChatTimings.Set(properties, latency, generation.PromptTime, _endpoint, null);
        properties[TokensPerSecondKey] = generation.TokensPerSecond;
    }

    private static UsageDetails UsageOf(LlamaGeneration g) => new()
    {
        InputTokenCount = g.PromptTokens,
        OutputTokenCount = g.OutputTokens,
        TotalTokenCount = g.PromptTokens + g.OutputTokens,
        AdditionalCounts = new AdditionalPropertiesDictionary<long> { ["image_tokens"] = g.ImageTokens },
    };
}
