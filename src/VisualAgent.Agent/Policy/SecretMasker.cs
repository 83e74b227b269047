using System.Net;
using System.Text.Json;

namespace VisualAgent.Agent.Policy;

/// <summary>
/// Replaces every secret value resolved during a run with *** in any text (logs, raw replies, run.json, steps.jsonl,
/// reports). Also masks the JSON-escaped and HTML-encoded forms of each value. Thread-safe.
/// </summary>
public sealed class SecretMasker
{
    public const string Mask = "***";

    private readonly Lock _lock = new();
    private string[] _forms = [];

    /// <summary>True once at least one secret was added.</summary>
    public bool HasSecrets => Volatile.Read(ref _forms).Length > 0;

    /// <summary>Adds a value to mask from now on (empty values are ignored).</summary>
    public void Add(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var json = JsonEncodedText.Encode(value).ToString();
        var relaxed = JsonSerializer.Serialize(value, Actions.ActionJson.Options)[1..^1];
        var html = WebUtility.HtmlEncode(value);
        lock (_lock)
        {
            _forms = [.. _forms.Concat([value, json, relaxed, html]).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal)
                .OrderByDescending(f => f.Length)];
        }
    }

    /// <summary>The text with every known secret replaced by ***; null stays null.</summary>
    public string? Apply(string? text)
    {
        var forms = Volatile.Read(ref _forms);
        if (text is null || forms.Length == 0)
        {
            return text;
        }

        foreach (var form in forms)
        {
            if (text.Contains(form, StringComparison.Ordinal))
            {
                text = text.Replace(form, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
