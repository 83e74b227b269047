using System.Text.RegularExpressions;
using VisualAgent.Errors;

namespace VisualAgent.Agent.Policy;

/// <summary>
/// Resolves {{secret:NAME}} from the environment variable NAME at the moment of typing, and hands every value it
/// resolves to the <see cref="SecretMasker"/> so that it never reaches a log or a file.
/// </summary>
public sealed partial class SecretResolver
{
    private readonly SecretMasker _masker;
    private readonly Func<string, string?> _environment;

    /// <param name="masker">Receives every resolved value.</param>
    /// <param name="environment">Looks a variable up; default <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    public SecretResolver(SecretMasker masker, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(masker);
        _masker = masker;
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    public SecretMasker Masker => _masker;

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

    /// <summary>The text with every {{secret:NAME}} replaced by its value; the values are masked from now on.</summary>
    public string Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
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
