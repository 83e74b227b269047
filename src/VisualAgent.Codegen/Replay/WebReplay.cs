using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Runs;
using VisualAgent.Codegen.Plans;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Codegen.Replay;

/// <summary>
/// What every caller of a browser replay decides the same way (`replay`, the MCP's replay tool, the web UI's replay
/// button): the heal mode from its name, whether the samples server is needed, the secrets the recording types, and
/// the <see cref="ReplayRequest"/> for the session the caller opened.
/// </summary>
public static class WebReplay
{
    /// <summary>off, propose or apply (any case); anything else is bad input named by <paramref name="what"/> (e.g. "--heal").</summary>
    public static HealMode ParseHeal(string? value, string what) => (value ?? "propose").Trim().ToLowerInvariant() switch
    {
        "off" => HealMode.Off,
        "propose" => HealMode.Propose,
        "apply" => HealMode.Apply,
        var other => throw new UsageException($"Unknown {what} '{other}'. Use off, propose or apply."),
    };

    /// <summary>The recording was made on the samples server, or the replay is aimed at it (samples:PATH): the session starts one.</summary>
    public static bool NeedsSamples(RunDetails details, string? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(details);
        return details.Run.Settings.ContainsKey(RunSettingKeys.SamplesBase) || baseUrl?.StartsWith("samples:", StringComparison.OrdinalIgnoreCase) == true;
    }

    /// <summary>The secrets the recording types that <paramref name="secret"/> does not have (a replay needs every one before it starts).</summary>
    public static IReadOnlyList<string> MissingSecrets(RunDetails details, Func<string, string?> secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        try
        {
            return [.. PlanBuilder.Build(details).Secrets.Where(s => secret(s) is null)];
        }
        catch (UnsupportedStepException)
        {
            return []; // the replay itself says why the recording cannot be played
        }
    }

    /// <summary>
    /// The viewport to open the replay's browser at (<see cref="ReplayViewport.Choose"/>): the caller's
    /// <paramref name="given"/> WIDTHxHEIGHT (bad input named by <paramref name="what"/>) or scale, else the recorded size,
    /// else the configured one.
    /// </summary>
    public static ReplayViewport Viewport(RunDetails details, PixelSize configured, double configuredScale, string? given, double? givenScale, string what)
    {
        ArgumentNullException.ThrowIfNull(details);
        PixelSize? size = given is null ? null
            : PixelSize.TryParse(given, out var s) ? s
            : throw new UsageException($"{what} '{given}' is not WIDTHxHEIGHT in CSS pixels, e.g. 1280x720.");
        if (givenScale is <= 0 or > 10)
        {
            throw new UsageException($"The device scale factor {givenScale} is out of range: give a number above 0 and at most 10, e.g. 1 or 2.");
        }

        return ReplayViewport.Choose(details.Run, configured, configuredScale, size, givenScale);
    }

    /// <summary>
    /// The request for a session: <paramref name="resolvedBaseUrl"/> (the caller's --base-url through the session's
    /// ResolveUrl) or, when none is given, the session's samples server, onto which a samples recording maps.
    /// </summary>
    public static ReplayRequest Request(HealMode heal, string? resolvedBaseUrl, string? samplesBaseUrl, PolicyOptions policy, Func<string, string?> secret, ReplayViewport? viewport = null) => new()
    {
        Viewport = viewport,
        Heal = heal,
        BaseUrl = resolvedBaseUrl is not null ? resolvedBaseUrl.TrimEnd('/') : samplesBaseUrl,
        SamplesBaseUrl = samplesBaseUrl,
        Secret = secret,
        Policy = policy,
    };
}
