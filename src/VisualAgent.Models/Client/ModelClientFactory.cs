using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using VisualAgent.Errors;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Models.Client;

/// <summary>
/// Builds the <see cref="IChatClient"/> of a model profile as a <see cref="ChatClientBuilder"/> pipeline, outermost first:
/// ConcurrencyLimiting (the profile's bound) -> Logging (MEAI's, when <see cref="ModelClientOptions.CallLoggers"/> is set)
/// -> Retrying (Polly) -> ReplicaBalancing (when there are several endpoints) -> per endpoint the OpenAI SDK's
/// ChatClient through Microsoft.Extensions.AI.OpenAI's <c>AsIChatClient()</c>, inside <see cref="EndpointChatClient"/>.
/// </summary>
public static class ModelClientFactory
{
    /// <summary>Sent as the bearer token when a profile names no ApiKeyEnv (local servers ignore it).</summary>
    public const string NoKey = "no-key";

    public static IChatClient Create(ModelProfile profile, ModelClientOptions? options = null)
    {
        options ??= new ModelClientOptions();
        profile.Validate();
        if (profile.IsOcr)
        {
            throw new UsageException($"Model profile '{profile.Name}' is the offline OCR grounder: it has no chat model to call.");
        }

        if (profile.IsInProcess)
        {
            throw new UsageException($"Model profile '{profile.Name}' runs in-process (kind llamasharp): open it through ModelStack, which loads the GGUF model.");
        }

        var endpoints = profile.GetEndpoints();
        if (endpoints.Count == 0)
        {
            throw new UsageException(profile.IsSimulated
                ? $"Model profile '{profile.Name}' is simulated: start a SimulatedServer and use profile.WithEndpoint(server.BaseUrl)."
                : $"Model profile '{profile.Name}' has no Endpoint.");
        }

        var key = ResolveKey(profile, options);
        var replicas = endpoints.Select(e => (IChatClient)CreateReplica(profile, e, key, options)).ToList();
        var builder = new ChatClientBuilder(replicas.Count == 1
            ? replicas[0]
            : new ReplicaBalancingChatClient(replicas, options.ReplicaCoolDown, options.TimeProvider));
        builder.Use(inner => new ConcurrencyLimitingChatClient(inner, profile.MaxConcurrency));
        if (options.CallLoggers is { } loggers)
        {
            builder.UseLogging(loggers); // calls at Debug; prompts and replies only at Trace
        }

        builder.Use(inner => new RetryingChatClient(inner, options.Retry, options.TimeProvider, options.Logger));
        return builder.Build();
    }

    private static string? ResolveKey(ModelProfile profile, ModelClientOptions options)
    {
        if (profile.ApiKeyEnv is not { } env)
        {
            return null;
        }

        var key = options.GetEnvironmentVariable(env);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new EnvironmentMissingException(
                $"Model profile '{profile.Name}' needs an API key in the environment variable {env}, which is not set. Set it (export {env}=...) or remove ApiKeyEnv for a local server.");
        }

        return key.Trim();
    }

    private static EndpointChatClient CreateReplica(ModelProfile profile, Uri endpoint, string? key, ModelClientOptions options)
    {
        var target = new EndpointTarget(profile.Name, endpoint, profile.Model!, profile.ApiKeyEnv, profile.Timeout) { ApiKey = key };

        // Replies are judged as they arrive (size cap, HTML pages, unstreamed bodies): the SDK buffers whole bodies otherwise.
        var http = new HttpClient(new ReplyGuardHandler(profile.Name, profile.MaxReplyBytes) { InnerHandler = new SocketsHttpHandler() })
        {
            Timeout = Timeout.InfiniteTimeSpan, // the SDK's NetworkTimeout (the profile's TimeoutSeconds) bounds each request
        };
        var sdkOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = profile.Timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            Transport = new HttpClientPipelineTransport(http),
        };
        sdkOptions.AddPolicy(new StreamMismatchPolicy(profile.Name), PipelinePosition.BeforeTransport);
        var chat = new OpenAIClient(new ApiKeyCredential(key ?? NoKey), sdkOptions).GetChatClient(profile.Model!);
        return new EndpointChatClient(target, chat.AsIChatClient(), profile.Stream ?? options.Stream, options.TimeProvider, http);
    }
}
