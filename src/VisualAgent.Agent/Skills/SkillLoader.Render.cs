using System.Text.RegularExpressions;
using VisualAgent.Errors;

namespace VisualAgent.Agent.Skills;

/// <summary>Rendering a skill's body with its parameters.</summary>
public static partial class SkillLoader
{
    /// <summary>
    /// The skill's steps with every {{NAME}} replaced by its value; {{secret:NAME}} stays as written (resolved only when
    /// typed). Throws <see cref="UsageException"/> for a missing required parameter, an unknown one, a value given for a
    /// secret, or (when <paramref name="environment"/> is given) a required secret whose variable is not set.
    /// </summary>
    public static string Render(Skill skill, IDictionary<string, string> parameters, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(skill);
        ArgumentNullException.ThrowIfNull(parameters);
        var values = new Dictionary<string, string>(parameters, StringComparer.OrdinalIgnoreCase);
        foreach (var given in values.Keys)
        {
            var declared = skill.Parameters.FirstOrDefault(p => string.Equals(p.Name, given, StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException($"The skill {skill.Name} has no parameter {given}; its parameters are {Names(skill)}.");
            if (declared.Secret)
            {
                throw new UsageException($"{declared.Name} is a secret of the skill {skill.Name}: set the environment variable {declared.Name} instead of passing its value.");
            }

            if (values[given].Contains('\n', StringComparison.Ordinal))
            {
                throw new UsageException($"The value of {declared.Name} has a line break; give it on one line.");
            }
        }

        foreach (var p in skill.Parameters)
        {
            if (p.Secret && p.Required && environment is not null && string.IsNullOrEmpty(environment(p.Name)))
            {
                throw new UsageException($"The skill {skill.Name} needs the secret {p.Name}: set the environment variable {p.Name} ({p.Description}).");
            }

            if (!p.Secret && p.Required && !values.ContainsKey(p.Name))
            {
                throw new UsageException($"The skill {skill.Name} needs the parameter {p.Name} ({p.Description}): pass it as {p.Name}=VALUE.");
            }
        }

        return Placeholder().Replace(skill.Body, m =>
        {
            var name = m.Groups["name"].Value;
            if (values.TryGetValue(name, out var value))
            {
                return value;
            }

            return skill.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && !p.Required)
                ? ""
                : throw new UsageException($"The skill {skill.Name} uses {{{{{name}}}}} but declares no parameter {name}.");
        });
    }

    private static string Names(Skill skill) => skill.Parameters.Count == 0 ? "none" : string.Join(", ", skill.Parameters.Select(p => p.Name));

    [GeneratedRegex(@"\{\{\s*(?!secret\s*:)(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
