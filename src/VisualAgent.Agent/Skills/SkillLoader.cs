using System.Text.RegularExpressions;
using VisualAgent.Errors;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace VisualAgent.Agent.Skills;

/// <summary>Loads skills/&lt;name&gt;/SKILL.md and renders a skill with its parameters into an offline instruction.</summary>
public static partial class SkillLoader
{
    public const string FileName = "SKILL.md";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(LowerCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build();

    /// <summary>Loads a skill from its folder or its SKILL.md; throws <see cref="UsageException"/> when it is missing or malformed.</summary>
    public static Skill Load(string folderOrFile)
    {
        var file = Directory.Exists(folderOrFile) ? Path.Combine(folderOrFile, FileName) : folderOrFile;
        if (!File.Exists(file))
        {
            throw new UsageException($"There is no skill at {folderOrFile}: expected {FileName} in the skill's folder.");
        }

        return Parse(File.ReadAllText(file), Path.GetDirectoryName(Path.GetFullPath(file)), file);
    }

    /// <summary>The skills under a skills/ folder, by name.</summary>
    public static IReadOnlyList<Skill> LoadAll(string skillsRoot) =>
        !Directory.Exists(skillsRoot) ? []
            : [.. Directory.EnumerateDirectories(skillsRoot).Where(d => File.Exists(Path.Combine(d, FileName))).Select(Load).OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>The skill named <paramref name="name"/> under the skills root.</summary>
    public static Skill Find(string skillsRoot, string name) =>
        LoadAll(skillsRoot).FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UsageException($"There is no skill \"{name}\" in {skillsRoot}: the skills are {string.Join(", ", LoadAll(skillsRoot).Select(s => s.Name))}.");

    /// <summary>Parses SKILL.md text: "---" YAML front matter "---", then the body.</summary>
    public static Skill Parse(string markdown, string? folder = null, string? sourceName = null)
    {
        var where = sourceName ?? "SKILL.md";
        var m = FrontMatter().Match(markdown.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!m.Success)
        {
            throw new UsageException($"{where} has no front matter: start it with a '---' line, the YAML (name, description, parameters) and another '---' line.");
        }

        FrontMatterDto dto;
        try
        {
            dto = Yaml.Deserialize<FrontMatterDto?>(m.Groups["yaml"].Value) ?? new FrontMatterDto();
        }
        catch (YamlException e)
        {
            throw new UsageException($"{where} has unreadable front matter: {e.Message}", e);
        }

        var name = dto.Name ?? (folder is null ? null : Path.GetFileName(folder))
            ?? throw new UsageException($"{where} has no name in its front matter.");
        var parameters = (dto.Parameters ?? []).Select(p => new SkillParameter(
            p.Name ?? throw new UsageException($"{where}: a parameter has no name."), p.Description ?? "", p.Required ?? true, p.Secret ?? false)).ToList();
        return new Skill { Name = name, Description = dto.Description ?? "", Parameters = parameters, Body = m.Groups["body"].Value.Trim(), Folder = folder };
    }

    [GeneratedRegex(@"^\s*---[ \t]*\n(?<yaml>.*?)\n---[ \t]*(?:\n(?<body>.*))?$", RegexOptions.Singleline)]
    private static partial Regex FrontMatter();

    private sealed class FrontMatterDto
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public List<ParameterDto>? Parameters { get; set; }
    }

    private sealed class ParameterDto
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public bool? Required { get; set; }

        public bool? Secret { get; set; }
    }
}
