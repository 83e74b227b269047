using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Drivers;
using VisualAgent.Runs;

namespace VisualAgent.Codegen.Replay;

/// <summary>
/// A recorded web run replayed in a browser session: what every front end (CLI, MCP, UI) does the same way — whether the
/// session needs the samples server, where the replay points, secrets from the environment — so they cannot drift apart.
/// </summary>
public static class WebReplay
{
    /// <summary>True when the replay needs a samples server: the run used one, or the replay targets one (samples:PATH).</summary>
    public static bool NeedsSamples(RunRecord run, string? baseUrl) =>
        run.Settings.ContainsKey(RunSettingKeys.SamplesBase) || baseUrl?.StartsWith("samples:", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A private downloads folder for one replay's browser (removed with the session).</summary>
    public static string NewDownloadsFolder() =>
        Path.Combine(Path.GetTempPath(), "visual-agent-replay-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>
    /// Replays <paramref name="details"/> with <paramref name="driver"/>: against <paramref name="baseUrl"/> when given (the
    /// caller resolves samples:PATH through <paramref name="resolveUrl"/>, its browser session's resolver), else as recorded (a
    /// samples run maps onto <paramref name="samplesBaseUrl"/>, the session's samples server). Secrets are read from the
    /// environment and typed only on the origin the run typed them on.
    /// </summary>
    public static Task<ReplayReport> RunAsync(
        IBrowserDriver driver, Func<string, string> resolveUrl, string? samplesBaseUrl, RunDetails details, HealMode heal, string? baseUrl, PolicyOptions policy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resolveUrl);
        var request = new ReplayRequest
        {
            Heal = heal,
            BaseUrl = baseUrl is not null ? resolveUrl(baseUrl).TrimEnd('/') : samplesBaseUrl,
            SamplesBaseUrl = samplesBaseUrl,
            Secret = Environment.GetEnvironmentVariable,
            Policy = policy,
        };
        return new ReplayRunner(driver).RunAsync(details, request, ct);
    }
}
