namespace VisualAgent.Codegen.Replay;

/// <summary>What replay does with locators it had to heal.</summary>
public enum HealMode
{
    /// <summary>No healing: a step whose recorded locators all fail fails.</summary>
    Off,

    /// <summary>Heal, and write the healed locators as heal.diff.json in the run folder; the recording is unchanged.</summary>
    Propose,

    /// <summary>Heal, write the diff, and rewrite the recording's steps.jsonl with the healed locators.</summary>
    Apply,
}

/// <summary>The words for <see cref="HealMode"/> that the CLI, the MCP server and the UI accept.</summary>
public static class HealModes
{
    /// <summary>off, propose or apply (any case); anything else is a usage error naming the three.</summary>
    public static HealMode Parse(string? text) => (text ?? "").Trim().ToLowerInvariant() switch
    {
        "off" => HealMode.Off,
        "propose" => HealMode.Propose,
        "apply" => HealMode.Apply,
        var other => throw new Errors.UsageException($"Unknown heal mode '{other}': give off, propose or apply."),
    };
}
