namespace VisualAgent.Models.Client;

/// <summary>How <see cref="ModelClientFactory"/> builds a profile's client. Defaults suit real use; tests shorten the delays.</summary>
public sealed class ModelClientOptions
{
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Logs retries and give-ups (endpoint and failure kind only: never prompts, replies, images or keys).</summary>
    public Microsoft.Extensions.Logging.ILogger? Logger { get; init; }

    /// <summary>When set, every model call is logged through Microsoft.Extensions.AI's LoggingChatClient: the call at Debug,
    /// prompts and replies only at Trace (which the CLI never enables). Default none.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? CallLoggers { get; init; }

    public RetryOptions Retry { get; init; } = new();

    /// <summary>How long a replica that refused connections is left out (default 30 s).</summary>
    public TimeSpan ReplicaCoolDown { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Stream replies under the hood even for GetResponseAsync, so time to first token is measured (default true).
    /// Set false for servers whose streaming misbehaves; TTFT is then not recorded. A profile's own Stream setting wins.
    /// </summary>
    public bool Stream { get; init; } = true;

    /// <summary>Reads the API key variable named by the profile's ApiKeyEnv (default: the process environment).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
}
