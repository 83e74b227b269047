using System.Globalization;

namespace VisualAgent.Models.Dialects.Parsing;

/// <summary>
/// A value read by <see cref="LooseJsonReader"/>: JSON, Python literals and tuples alike. <see cref="Complete"/> is false
/// for a container the reply was cut off inside (its complete members are kept, the cut one dropped).
/// </summary>
internal abstract record LooseNode
{
    public bool Complete { get; init; } = true;
}

internal sealed record LooseObject(IReadOnlyList<KeyValuePair<string, LooseNode>> Members) : LooseNode
{
    public LooseNode? Get(string key)
    {
        foreach (var (k, v) in Members)
        {
            if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return null;
    }

    public LooseNode? GetAny(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (Get(key) is { } v)
            {
                return v;
            }
        }

        return null;
    }

    public bool Has(string key) => Get(key) is not null;

    /// <summary>The value as text: strings as they are, numbers and literals as written; null when absent.</summary>
    public string? Text(params ReadOnlySpan<string> keys) => GetAny(keys) switch
    {
        LooseString s => s.Value,
        LooseNumber n => n.Value.ToString(CultureInfo.InvariantCulture),
        LooseLiteral { Value: { } b } => b ? "true" : "false",
        _ => null,
    };

    public double? Number(params ReadOnlySpan<string> keys) => GetAny(keys) switch
    {
        LooseNumber n => n.Value,
        LooseString s when double.TryParse(s.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public bool? Bool(params ReadOnlySpan<string> keys) => GetAny(keys) switch
    {
        LooseLiteral l => l.Value,
        LooseNumber n => n.Value != 0,
        LooseString s when bool.TryParse(s.Value.Trim(), out var b) => b,
        _ => null,
    };
}

internal sealed record LooseArray(IReadOnlyList<LooseNode> Items) : LooseNode;

internal sealed record LooseString(string Value) : LooseNode;

internal sealed record LooseNumber(double Value) : LooseNode;

/// <summary>true, false (Value set) or null / None (Value null).</summary>
internal sealed record LooseLiteral(bool? Value) : LooseNode;
