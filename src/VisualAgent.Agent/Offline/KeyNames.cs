namespace VisualAgent.Agent.Offline;

/// <summary>Reads a key chord as people write it in a step ("Ctrl+A", "the Enter key"), strictly: a word that is not a key is not read as one.</summary>
internal static class KeyNames
{
    /// <summary>The named keys of the contract; spellings ("Return", "Esc", "page up") fold through the model layer's KeyNames.</summary>
    private static readonly HashSet<string> Named =
    [
        "enter", "tab", "escape", "backspace", "delete", "space", "home", "end", "pageup", "pagedown", "insert",
        "up", "down", "left", "right", "ctrl", "alt", "shift", "meta",
    ];

    /// <summary>Parses "Enter", "Ctrl+A", "ctrl + shift + t", "the Enter key"; false when a part is not a key.</summary>
    public static bool TryParseChord(string text, out IReadOnlyList<string> keys)
    {
        keys = [];
        var t = text.Trim().TrimEnd('.');
        if (t.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            t = t[4..];
        }

        if (t.EndsWith(" key", StringComparison.OrdinalIgnoreCase))
        {
            t = t[..^4];
        }
        else if (t.EndsWith(" keys", StringComparison.OrdinalIgnoreCase))
        {
            t = t[..^5];
        }

        t = QuotedText.Unquote(t);
        var parts = t.Split('+', StringSplitOptions.TrimEntries);
        var result = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            if (!TryName(part, out var name))
            {
                return false;
            }

            result.Add(name);
        }

        keys = result;
        return result.Count > 0;
    }

    private static bool TryName(string part, out string name)
    {
        var normalized = Models.Dialects.KeyNames.Normalize(part);
        if (Named.Contains(normalized))
        {
            name = normalized;
            return true;
        }

        if (part.Length == 1 && !char.IsWhiteSpace(part[0]))
        {
            name = part.ToLowerInvariant();
            return true;
        }

        if (part.Length is 2 or 3 && (part[0] is 'F' or 'f') && int.TryParse(part[1..], out var n) && n is >= 1 and <= 24)
        {
            name = "f" + n;
            return true;
        }

        name = "";
        return false;
    }
}
