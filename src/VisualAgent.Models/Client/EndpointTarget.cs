namespace VisualAgent.Models.Client;

/// <summary>Where one replica client sends requests, and what its error messages name. The key is only used for redaction.</summary>
internal sealed record EndpointTarget(string Profile, Uri Endpoint, string Model, string? ApiKeyEnv, TimeSpan Timeout)
{
    /// <summary>The key itself, kept only to scrub it from messages; never printed (ToString omits it).</summary>
    public string? ApiKey { get; init; }

    public override string ToString() => $"{Profile} at {VisualAgent.Errors.UrlRedaction.Redact(Endpoint)} ({Model})";
}
