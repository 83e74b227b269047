namespace VisualAgent.Codegen.Replay;

/// <summary>How to replay a desktop recording: healing, secrets, and the launched app's output to check against the recording's.</summary>
public sealed record DesktopReplayRequest
{
    /// <summary>What to do with element paths that had to be healed. Default: propose.</summary>
    public HealMode Heal { get; init; } = HealMode.Propose;

    /// <summary>Reads a secret by name (an environment variable); null when it is not set.</summary>
    public required Func<string, string?> Secret { get; init; }

    /// <summary>Masks secrets in text that is reported (the app's output, typed values).</summary>
    public Func<string, string> Mask { get; init; } = s => s;

    /// <summary>
    /// The app this replay launched, once every step held: what it printed and whether it exited, waiting at most
    /// <c>wait</c> for it to exit. Null when the replay launched no app.
    /// </summary>
    public Func<TimeSpan, CancellationToken, Task<AppOutcome>>? AppOutput { get; init; }

    /// <summary>How long a step waits for its element to appear (a window still opening). Default 5 s.</summary>
    public TimeSpan FindTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a step waits for its effect (a window closing, a state changing). Default 3 s.</summary>
    public TimeSpan EffectTimeout { get; init; } = TimeSpan.FromSeconds(3);
}

/// <summary>What a launched app printed on stdout, and its exit code (null while it still runs).</summary>
public sealed record AppOutcome(string Stdout, int? ExitCode);
