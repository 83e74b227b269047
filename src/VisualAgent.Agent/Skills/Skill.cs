namespace VisualAgent.Agent.Skills;

/// <summary>A reusable procedure: skills/&lt;name&gt;/SKILL.md (YAML front matter + steps in the offline grammar).</summary>
public sealed record Skill
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public IReadOnlyList<SkillParameter> Parameters { get; init; } = [];

    /// <summary>The procedure: offline-grammar steps with {{NAME}} parameters and {{secret:NAME}} secrets.</summary>
    public required string Body { get; init; }

    /// <summary>The skill's folder, when loaded from disk.</summary>
    public string? Folder { get; init; }

    /// <summary>A recorded run beside the skill (its "recording" folder), which `replay --skill` plays; null when none.</summary>
    public string? Recording => Folder is not null && File.Exists(Path.Combine(Folder, "recording", "run.json")) ? Path.Combine(Folder, "recording") : null;
}

/// <summary>One parameter of a skill. A secret parameter is never passed as a value: the body writes {{secret:NAME}}
/// and the value comes from the environment variable NAME when it is typed.</summary>
public sealed record SkillParameter(string Name, string Description = "", bool Required = true, bool Secret = false);
