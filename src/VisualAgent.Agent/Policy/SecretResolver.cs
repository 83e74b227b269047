using System.Text.RegularExpressions;
using VisualAgent.Errors;

namespace VisualAgent.Agent.Policy;

/// <summary>
/// Resolves {{secret:NAME}} from the environment variable NAME at the moment of typing, and hands every value it
/// resolves to the <see cref="SecretMasker"/> so that it never reaches a log or a file. Only text the user wrote (the
/// instruction, a skill's body) is resolved, and only names the user declared: a model's reply, a page and a skill
/// parameter's value never choose what is read from the environment (<see cref="RefuseInModelText"/>).
/// </summary>
public sealed partial class SecretResolver
{
    private readonly SecretMasker _masker;
    private readonly Func<string, string?> _environment;
    private readonly HashSet<string>? _declared;

    /// <param name="masker">Receives every resolved value.</param>
    /// <param name="environment">Looks a variable up; default <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    /// <param name="declared">
    /// The secret names the user declared (written in the instruction, a skill's front matter, `run --secret NAME`);
    /// no other name is ever resolved. Null = any name in the text resolved (library callers that resolve their own text).
    /// </param>
    public SecretResolver(SecretMasker masker, Func<string, string?>? environment = null, IEnumerable<string>? declared = null)
    {
        ArgumentNullException.ThrowIfNull(masker);
        _masker = masker;
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _declared = declared is null ? null : new HashSet<string>(declared, StringComparer.Ordinal);
    }

    public SecretMasker Masker => _masker;

    /// <summary>The declared secret names, sorted; null when any name may be resolved.</summary>
    public IReadOnlyList<string>? Declared => _declared is null ? null : [.. _declared.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Checks, before the first step, that every declared secret is set (one message naming all that are not), and
    /// masks their values from the start, so a page that echoes one is masked even before it is typed.
    /// </summary>
    public void EnsureDeclaredAvailable()
    {
        var missing = new List<string>();
        foreach (var name in Declared ?? [])
        {
            if (_environment(name) is { Length: > 0 } value)
            {
                _masker.Add(value);
            }
            else
            {
                missing.Add(name);
            }
        }

        if (missing.Count > 0)
        {
            throw new UsageException(missing.Count == 1
                ? $"The secret {missing[0]} is not set: set the environment variable {missing[0]} (export {missing[0]}=...) before the run. Nothing was done."
                : $"The secrets {string.Join(", ", missing)} are not set: set those environment variables before the run. Nothing was done.");
        }
    }

    /// <summary>
    /// Text from a model's reply (or any text the user did not write), to be typed as it stands: it may not refer to a
    /// secret. Throws <see cref="PolicyBlockedException"/> when it does (a model must never choose an environment
    /// variable to type into a page); otherwise returns it unchanged.
    /// </summary>
    public static string RefuseInModelText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Names(text) is [var name, ..])
        {
            throw new PolicyBlockedException(
                $"The model asked to type {{{{secret:{name}}}}}: secrets are typed only in steps the user wrote, never from a model's reply. "
                + $"Write that step yourself, e.g. --model ocr --grounder PROFILE \"type {{{{secret:{name}}}}} into the Password field\".");
        }

        return text;
    }

    public static bool ContainsSecret(string? text) => text is not null && Reference().IsMatch(text);

    /// <summary>True when the whole text is one {{secret:NAME}} reference.</summary>
    public static bool IsSecretReference(string? text) => text is not null && Reference().Match(text.Trim()) is { Success: true } m && m.Length == text.Trim().Length;

    /// <summary>The secret names the text refers to, in order, without repeats.</summary>
    public static IReadOnlyList<string> Names(string? text) =>
        text is null ? [] : [.. Reference().Matches(text).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>Throws <see cref="UsageException"/> naming the first secret whose variable is not set (a check before a run).</summary>
    public void EnsureAvailable(string? text)
    {
        foreach (var name in Names(text))
        {
            _ = Lookup(name);
        }
    }

    /// <summary>
    /// Text the user wrote, with every {{secret:NAME}} replaced by its value; the values are masked from now on. A name
    /// the user did not declare is refused (<see cref="PolicyBlockedException"/>): the text did not come from the user.
    /// </summary>
    public string Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var name in Names(text))
        {
            if (_declared is not null && !_declared.Contains(name))
            {
                throw new PolicyBlockedException(
                    $"{{{{secret:{name}}}}} is not a secret of this run: only secrets the user declared (in the instruction, a skill's front matter or with --secret {name}) are read from the environment.");
            }
        }

        return Reference().Replace(text, m =>
        {
            var value = Lookup(m.Groups["name"].Value);
            _masker.Add(value);
            return value;
        });
    }

    private string Lookup(string name) =>
        _environment(name) is { Length: > 0 } value
            ? value
            : throw new UsageException($"The secret {name} is not set: set the environment variable {name} before the run (the instruction refers to {{{{secret:{name}}}}}).");

    [GeneratedRegex(@"\{\{\s*secret\s*:\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Reference();
}
