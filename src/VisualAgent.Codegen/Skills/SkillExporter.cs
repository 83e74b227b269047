using System.Text;
using System.Text.RegularExpressions;
using VisualAgent.Agent.Runs;
using VisualAgent.Agent.Skills;
using VisualAgent.Errors;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Codegen.Skills;

/// <summary>
/// A recorded run as a skill: skills/NAME/SKILL.md (front matter with the run's secrets and, for a samples run, BASE_URL
/// as parameters; the body is the run's steps in the offline grammar) and the recording beside it (recording/run.json
/// and steps.jsonl) that `replay --skill NAME` plays. `run --skill NAME` and `replay --skill NAME` share the one folder.
/// </summary>
public static partial class SkillExporter
{
    public const string RecordingFolder = "recording";

    public static string Export(RunDetails details, string skillsRoot, string name, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (!SkillName().IsMatch(name))
        {
            throw new UsageException($"'{name}' is not a skill name: use lower-case letters, digits and dashes (e.g. export-orders).");
        }

        if (details.Run.Status != RunStatus.Succeeded)
        {
            throw new UsageException($"Run {details.Run.Id} ended {details.Run.Status.ToString().ToLowerInvariant()}: only a succeeded run becomes a skill (its recording is what replay plays).");
        }

        var folder = Path.Combine(skillsRoot, name);
        if (Directory.Exists(folder))
        {
            throw new UsageException($"The skill folder {folder} already exists: choose another name or remove it first.");
        }

        var samplesBase = details.Run.SamplesBaseOf();
        var steps = details.Steps.Where(s => s.Outcome == StepOutcome.Ok && s.Intent is not null).Select(s => Clause(s.Intent!, samplesBase)).ToList();
        if (steps.Count == 0)
        {
            throw new UsageException($"Run {details.Run.Id} has no steps in words (a model's raw actions cannot be a skill's body).");
        }

        var secrets = steps.SelectMany(s => SecretRef().Matches(s).Select(m => m.Groups[1].Value)).Distinct(StringComparer.Ordinal).ToList();
        var md = new StringBuilder("---\n");
        md.Append("name: ").Append(name).Append('\n');
        md.Append("description: ").Append(Yaml(description ?? $"Recorded from run {details.Run.Id}: {details.Run.Goal}")).Append('\n');
        md.Append("parameters:\n");
        if (samplesBase is not null)
        {
            md.Append("  - name: BASE_URL\n    description: Base URL of the app (the samples server when the run used it)\n    required: true\n    secret: false\n");
        }

        foreach (var secret in secrets)
        {
            md.Append("  - name: ").Append(secret).Append("\n    description: A secret the run typed, read from the environment variable of this name\n    required: true\n    secret: true\n");
        }

        if (samplesBase is null && secrets.Count == 0)
        {
            md.Replace("parameters:\n", "parameters: []\n");
        }

        md.Append("---\n");
        for (var i = 0; i < steps.Count; i++)
        {
            md.Append(i + 1).Append(". ").Append(steps[i]).Append('\n');
        }

        // The skill must read back as the loader reads skills, before anything is written.
        var parsed = SkillLoader.Parse(md.ToString(), folder, name);
        Directory.CreateDirectory(Path.Combine(folder, RecordingFolder));
        File.WriteAllText(Path.Combine(folder, SkillLoader.FileName), md.ToString());
        File.Copy(Path.Combine(details.Folder, "run.json"), Path.Combine(folder, RecordingFolder, "run.json"));
        File.Copy(Path.Combine(details.Folder, "steps.jsonl"), Path.Combine(folder, RecordingFolder, "steps.jsonl"));
        return parsed.Folder ?? folder;
    }

    /// <summary>The recording of a skill, as replay reads a run.</summary>
    public static RunDetails LoadRecording(string skillFolder)
    {
        var recording = Path.Combine(skillFolder, RecordingFolder);
        var runJson = Path.Combine(recording, "run.json");
        if (!File.Exists(runJson))
        {
            throw new UsageException($"The skill at {skillFolder} has no recording ({RecordingFolder}/run.json): export one with 'visual-agent runs export RUN --skill NAME'.");
        }

        var run = RunJson.DeserializeRun(File.ReadAllText(runJson)) ?? throw new UsageException($"{runJson} does not read as a run.");
        return new RunDetails(recording, run, RunReader.ReadSteps(recording));
    }

    private static string Clause(StepIntent intent, string? samplesBase)
    {
        var source = StepParserDescribe(intent);
        return samplesBase is null ? source : source.Replace(samplesBase, "{{BASE_URL}}", StringComparison.OrdinalIgnoreCase);
    }

    private static string StepParserDescribe(StepIntent intent) => VisualAgent.Agent.Offline.StepParser.Describe(intent);

    private static string Yaml(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + "\"";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex SkillName();

    [GeneratedRegex(@"\{\{secret:([A-Za-z_][A-Za-z0-9_]*)\}\}")]
    private static partial Regex SecretRef();
}
