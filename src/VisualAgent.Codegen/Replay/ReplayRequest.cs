using VisualAgent.Agent.Policy;

namespace VisualAgent.Codegen.Replay;

/// <summary>How to replay a recording: healing, the copy of the app to replay against, secrets and the safety policy.</summary>
public sealed record ReplayRequest
{
    /// <summary>What to do with locators that had to be healed. Default: propose.</summary>
    public HealMode Heal { get; init; } = HealMode.Propose;

    /// <summary>Replay against this base URL: recorded URLs under the recording's base are mapped onto it. Null: as recorded.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>
    /// This session's samples server, when it runs one: a recording made on the samples server (run.json samples_base)
    /// stands for it, so its secrets may be typed on it. Null when no samples server runs.
    /// </summary>
    public string? SamplesBaseUrl { get; init; }

    /// <summary>Reads a secret by name (an environment variable); null when it is not set.</summary>
    public required Func<string, string?> Secret { get; init; }

    /// <summary>
    /// Light (default): an action settles only until the document loaded and no request is in flight, and its effect read
    /// back decides (settling fully, and reading again, before failing it); a missed first locator settles fully before
    /// healing. Full: every action settles as in a run (the DOM quiet for Browser:SettleQuietMs), as replay did first.
    /// </summary>
    public Drivers.ActionSettle Settle { get; init; } = Drivers.ActionSettle.Light;

    /// <summary>
    /// The safety policy (appsettings "Policy"): navigation and requests as in a run; a secret is typed only on the origin
    /// the recording typed it on (its start origin) or on one listed in <see cref="PolicyOptions.AllowedOrigins"/> —
    /// never on another origin because it is local.
    /// </summary>
    public PolicyOptions Policy { get; init; } = new();

    /// <summary>
    /// The viewport the caller opened the replay's page at, and why (<see cref="ReplayViewport.Choose"/>): carried into
    /// the report so every replay says which size it used. Null when the caller did not choose one (tests on a fixed page).
    /// </summary>
    public ReplayViewport? Viewport { get; init; }
}
