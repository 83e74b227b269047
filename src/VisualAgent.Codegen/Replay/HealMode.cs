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
