using System.Buffers;
using System.Text.RegularExpressions;
using VisualAgent.Errors;

namespace VisualAgent.Agent.Skills;

/// <summary>Rendering a skill's body with its parameters.</summary>
public static partial class SkillLoader
{
    private const string Quotes = "\"\u201C\u201D\u2018\u2019'";

    /// <summary>Characters that make a bare value need quotes: quotes, and the clause separators ';' and ','.</summary>
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(Quotes + ";,");

    /// <summary>
    /// The skill's steps with every {{NAME}} replaced by its value; {{secret:NAME}} stays as written (resolved only when
    /// typed). Values are data: each is written as one literal of the step it stands in (quoted when it holds a clause
    /// separator or a quote), so a value can never add, split or change steps, and a value holding {{...}} (a secret or
    /// placeholder reference) is refused. Throws <see cref="UsageException"/> for a missing required parameter, an
    /// unknown one, a value given for a secret, such a value, or (when <paramref name="environment"/> is given) a
    /// required secret whose variable is not set.
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

            if (values[given].Contains('\n', StringComparison.Ordinal) || values[given].Contains('\r', StringComparison.Ordinal))
            {
                throw new UsageException($"The value of {declared.Name} has a line break; give it on one line.");
            }

            if (values[given].Contains("{{", StringComparison.Ordinal) || values[given].Contains("}}", StringComparison.Ordinal))
            {
                throw new UsageException($"The value of {declared.Name} contains '{{{{' or '}}}}': parameter values are literal text, never secrets or placeholders. A secret is declared in SKILL.md (secret: true) and read from its environment variable.");
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

        // The author's steps, split while the placeholders are still opaque; each is rendered on its own line.
        return string.Join("\n", Offline.ClauseSplitter.Split(skill.Body).Select(clause => RenderClause(skill, clause, values)));
    }

    /// <summary>One step with its values; it must still read as exactly one step.</summary>
    private static string RenderClause(Skill skill, string clause, Dictionary<string, string> values)
    {
        var plain = Substitute(skill, clause, values, quoteBare: false, out var bareNeedsQuotes);
        if (!bareNeedsQuotes && Offline.ClauseSplitter.Split(plain).Count == 1)
        {
            return plain;
        }

        var quoted = Substitute(skill, clause, values, quoteBare: true, out _);
        return Offline.ClauseSplitter.Split(quoted).Count == 1
            ? quoted
            : throw new UsageException($"A parameter value would change the step \"{clause}\" of the skill {skill.Name}: parameters are data, and it cannot be written as one literal. Remove the quotes or ';' from the value.");
    }

    private static string Substitute(Skill skill, string clause, Dictionary<string, string> values, bool quoteBare, out bool bareNeedsQuotes)
    {
        var needs = false;
        var result = Placeholder().Replace(clause, m =>
        {
            var name = m.Groups["name"].Value;
            if (!values.TryGetValue(name, out var value))
            {
                return skill.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && !p.Required)
                    ? ""
                    : throw new UsageException($"The skill {skill.Name} uses {{{{{name}}}}} but declares no parameter {name}.");
            }

            var before = m.Index > 0 ? clause[m.Index - 1] : '\0';
            if (Quotes.Contains(before, StringComparison.Ordinal))
            {
                // Written inside quotes by the author: the value may not close them.
                var closing = before switch { '\u201C' => '\u201D', '\u2018' => '\u2019', _ => before };
                return value.Contains(closing, StringComparison.Ordinal) || (closing == '"' && value.Contains('\u201D', StringComparison.Ordinal))
                    ? throw new UsageException($"The value of {name} contains a quote ({closing}), which would end the quoted text of the step \"{clause}\" in the skill {skill.Name}: remove it.")
                    : value;
            }

            var risky = value.AsSpan().IndexOfAny(NeedsQuotes) >= 0
                || value.Contains(" and ", StringComparison.OrdinalIgnoreCase) || value.Contains(" then", StringComparison.OrdinalIgnoreCase);
            needs |= risky;
            return quoteBare && risky ? Quote(name, value) : value;
        });
        bareNeedsQuotes = needs;
        return result;
    }

    /// <summary>The value in quotes it does not contain ("..." or \u201C...\u201D).</summary>
    private static string Quote(string name, string value) =>
        !value.Contains('"', StringComparison.Ordinal) ? $"\"{value}\""
        : !value.Contains('\u201D', StringComparison.Ordinal) ? $"\u201C{value}\u201D"
        : throw new UsageException($"The value of {name} contains both kinds of double quotes, so it cannot be written as one literal: remove them.");

    private static string Names(Skill skill) => skill.Parameters.Count == 0 ? "none" : string.Join(", ", skill.Parameters.Select(p => p.Name));

    [GeneratedRegex(@"\{\{\s*(?!secret\s*:)(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
