namespace VisualAgent.Agent.Offline;

/// <summary>Key names of the action contract (lower case: "enter", "ctrl", "a") and the spellings people use for them.</summary>
internal static class KeyNames
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["enter"] = "enter", ["return"] = "enter", ["tab"] = "tab", ["escape"] = "escape", ["esc"] = "escape",
        ["backspace"] = "backspace", ["delete"] = "delete", ["del"] = "delete", ["space"] = "space", ["spacebar"] = "space",
        ["home"] = "home", ["end"] = "end", ["pageup"] = "pageup", ["page up"] = "pageup", ["pgup"] = "pageup",
        ["pagedown"] = "pagedown", ["page down"] = "pagedown", ["pgdn"] = "pagedown", ["insert"] = "insert",
        ["up"] = "up", ["down"] = "down", ["left"] = "left", ["right"] = "right",
        ["arrowup"] = "up", ["arrowdown"] = "down", ["arrowleft"] = "left", ["arrowright"] = "right",
        ["up arrow"] = "up", ["down arrow"] = "down", ["left arrow"] = "left", ["right arrow"] = "right",
        ["ctrl"] = "ctrl", ["control"] = "ctrl", ["alt"] = "alt", ["option"] = "alt", ["shift"] = "shift",
        ["meta"] = "meta", ["cmd"] = "meta", ["command"] = "meta", ["win"] = "meta", ["super"] = "meta",
    };

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
        if (Aliases.TryGetValue(part, out var alias))
        {
            name = alias;
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
