using Microsoft.Extensions.AI;

namespace VisualAgent.Models.Client;

/// <summary>
/// Timings and the serving endpoint the model client records in <see cref="ChatResponse.AdditionalProperties"/>
/// (and on the last streamed update): total latency, time to first token (streamed requests only) and the replica used.
/// </summary>
public static class ChatTimings
{
    public const string LatencyKey = "visualagent.latency_ms";
    public const string TimeToFirstTokenKey = "visualagent.ttft_ms";
    public const string EndpointKey = "visualagent.endpoint";
    public const string SystemFingerprintKey = "system_fingerprint";

    public static TimeSpan? GetLatency(AdditionalPropertiesDictionary? properties) => GetMs(properties, LatencyKey);

    public static TimeSpan? GetTimeToFirstToken(AdditionalPropertiesDictionary? properties) => GetMs(properties, TimeToFirstTokenKey);

    public static string? GetEndpoint(AdditionalPropertiesDictionary? properties) =>
        properties is not null && properties.TryGetValue(EndpointKey, out var v) ? v as string : null;

    public static string? GetSystemFingerprint(AdditionalPropertiesDictionary? properties) =>
        properties is not null && properties.TryGetValue(SystemFingerprintKey, out var v) ? v as string : null;

    internal static void Set(AdditionalPropertiesDictionary properties, TimeSpan latency, TimeSpan? ttft, Uri endpoint, string? fingerprint)
    {
        properties[LatencyKey] = latency.TotalMilliseconds;
        if (ttft is { } t)
        {
            properties[TimeToFirstTokenKey] = t.TotalMilliseconds;
        }

        properties[EndpointKey] = VisualAgent.Errors.UrlRedaction.Redact(endpoint);
        if (fingerprint is not null)
        {
            properties[SystemFingerprintKey] = fingerprint;
        }
    }

    private static TimeSpan? GetMs(AdditionalPropertiesDictionary? properties, string key) =>
        properties is not null && properties.TryGetValue(key, out var v) && v is double ms ? TimeSpan.FromMilliseconds(ms) : null;
}
