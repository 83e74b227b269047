using System.Globalization;
using System.Text.Json;

namespace VisualAgent.Bench.Suites;

/// <summary>Small readers for suite entries: required strings, number arrays, scalar group fields.</summary>
internal static class JsonFields
{
    public static string? String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>An array of numbers, or null when absent or not all numbers.</summary>
    public static double[]? Numbers(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new List<double>();
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number)
            {
                return null;
            }

            list.Add(item.GetDouble());
        }

        return [.. list];
    }

    /// <summary>An array of strings (objects with an "answer" field count, as in VQAv2 annotations), or null.</summary>
    public static List<string>? Strings(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new List<string>();
        foreach (var item in v.EnumerateArray())
        {
            var text = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Object => String(item, "answer"),
                _ => null,
            };
            if (text is null)
            {
                return null;
            }

            list.Add(text);
        }

        return list;
    }

    /// <summary>Scalar fields other than <paramref name="known"/> (strings, numbers, booleans), as text: the group keys.</summary>
    public static Dictionary<string, string> Groups(JsonElement obj, IReadOnlySet<string> known, IReadOnlyList<string>? only = null)
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
        {
            if (known.Contains(p.Name) || (only is not null && !only.Contains(p.Name)))
            {
                continue;
            }

            var text = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Number => p.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
            if (!string.IsNullOrEmpty(text))
            {
                groups[p.Name] = text;
            }
        }

        return groups;
    }

    public static string Number(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
