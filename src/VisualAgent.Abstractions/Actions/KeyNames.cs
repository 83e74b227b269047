using VisualAgent.Errors;

namespace VisualAgent.Actions;

/// <summary>
/// Key names, the one place they are read and written: the action contract's lower-case names ("ctrl", "enter",
/// "escape") with the spellings models and people use folded onto them (<see cref="Normalize"/>, <see cref="SplitChord"/>),
/// a chord as a step writes it ("Ctrl+A", "the Enter key": <see cref="TryParseChord"/>), and a chord as W3C key
/// values for a browser ("Control+a": <see cref="ToChord"/>).
/// </summary>
public static class KeyNames
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["control"] = "ctrl", ["ctl"] = "ctrl", ["lctrl"] = "ctrl", ["rctrl"] = "ctrl",
        ["return"] = "enter", ["kp_enter"] = "enter",
        ["esc"] = "escape",
        ["del"] = "delete",
        ["bksp"] = "backspace", ["back_space"] = "backspace",
        ["cmd"] = "meta", ["command"] = "meta", ["super"] = "meta", ["super_l"] = "meta", ["win"] = "meta",
        ["windows"] = "meta", ["os"] = "meta",
        ["option"] = "alt", ["opt"] = "alt",
        ["pgup"] = "pageup", ["page_up"] = "pageup", ["prior"] = "pageup",
        ["pgdn"] = "pagedown", ["page_down"] = "pagedown", ["next"] = "pagedown",
        ["arrowup"] = "up", ["arrowdown"] = "down", ["arrowleft"] = "left", ["arrowright"] = "right",
        ["arrow_up"] = "up", ["arrow_down"] = "down", ["arrow_left"] = "left", ["arrow_right"] = "right",
        ["spacebar"] = "space", [" "] = "space",
        ["ins"] = "insert",
        ["caps_lock"] = "capslock",
        ["page up"] = "pageup", ["page down"] = "pagedown",
        ["up arrow"] = "up", ["down arrow"] = "down", ["left arrow"] = "left", ["right arrow"] = "right",
    };

    private static readonly HashSet<string> Named =
    [
        "enter", "tab", "escape", "backspace", "delete", "space", "home", "end", "pageup", "pagedown", "insert",
        "up", "down", "left", "right", "ctrl", "alt", "shift", "meta",
    ];

    /// <summary>Contract names and common spellings -> W3C key values (KeyboardEvent.key, which Playwright takes).</summary>
    private static readonly Dictionary<string, string> KeyValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ctrl"] = "Control", ["control"] = "Control", ["alt"] = "Alt", ["option"] = "Alt", ["shift"] = "Shift",
        ["cmd"] = "Meta", ["meta"] = "Meta", ["command"] = "Meta", ["win"] = "Meta", ["super"] = "Meta",
        ["enter"] = "Enter", ["return"] = "Enter", ["escape"] = "Escape", ["esc"] = "Escape", ["tab"] = "Tab",
        ["back"] = "Backspace", ["backspace"] = "Backspace", ["delete"] = "Delete", ["del"] = "Delete",
        ["insert"] = "Insert", ["home"] = "Home", ["end"] = "End", ["pageup"] = "PageUp", ["pagedown"] = "PageDown",
        ["page_up"] = "PageUp", ["page_down"] = "PageDown", ["up"] = "ArrowUp", ["down"] = "ArrowDown",
        ["left"] = "ArrowLeft", ["right"] = "ArrowRight", ["arrowup"] = "ArrowUp", ["arrowdown"] = "ArrowDown",
        ["arrowleft"] = "ArrowLeft", ["arrowright"] = "ArrowRight", ["space"] = "Space", ["spacebar"] = "Space",
        ["plus"] = "+", ["capslock"] = "CapsLock",
    };

    /// <summary>One key name normalised: trimmed, lower case, aliases folded ("Return" -> "enter", "Esc" -> "escape").</summary>
    public static string Normalize(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var k = key.Length == 1 ? key : key.Trim();
        if (k.Length == 0)
        {
            return k;
        }

        return Aliases.TryGetValue(k, out var alias) ? alias : k.ToLowerInvariant();
    }

    /// <summary>A chord written as one string, "ctrl+c", "ctrl c" or "Ctrl + Shift + T", as normalised key names.</summary>
    public static IReadOnlyList<string> SplitChord(string chord)
    {
        ArgumentNullException.ThrowIfNull(chord);
        var trimmed = chord.Trim();
        if (trimmed.Length == 1)
        {
            return [Normalize(trimmed)];
        }

        if (trimmed == "+")
        {
            return ["+"];
        }

        return trimmed.Split(['+', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Normalize)
            .Where(k => k.Length > 0)
            .ToArray();
    }

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

        t = Unquote(t);
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
        var normalized = Normalize(part);
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

    /// <summary>The text without its surrounding quotes when the whole of it is one quoted span ("...", “...”, ‘...’, '...').</summary>
    private static string Unquote(string text)
    {
        var t = text.Trim();
        if (t.Length >= 2)
        {
            var close = t[0] switch { '"' => '"', '\u201C' => '\u201D', '\u2018' => '\u2019', '\'' => '\'', _ => '\0' };
            if (close != '\0' && t[^1] == close && t.IndexOf(close, 1) == t.Length - 1)
            {
                return t[1..^1];
            }
        }

        return t;
    }

    /// <summary>One chord of W3C key values as Playwright presses it, e.g. ["ctrl", "a"] or ["ctrl+a"] -> "Control+a".</summary>
    public static string ToChord(IReadOnlyList<string> keys)
    {
        if (keys.Count == 0)
        {
            throw new DriverException("A key action needs at least one key name, e.g. [\"ctrl\", \"a\"].");
        }

        var parts = new List<string>();
        foreach (var key in keys)
        {
            // "ctrl+a" in one element is the same chord as ["ctrl", "a"]; a lone "+" is the plus key.
            var pieces = key.Length > 1 && key.Contains('+', StringComparison.Ordinal)
                ? key.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [key];
            parts.AddRange(pieces.Select(ToKeyValue));
        }

        return string.Join('+', parts);
    }

    private static string ToKeyValue(string key)
    {
        if (key.Length == 1)
        {
            return key;
        }

        var trimmed = key.Trim();
        if (KeyValues.TryGetValue(trimmed, out var name))
        {
            return name;
        }

        if (trimmed.Length is 2 or 3 && (trimmed[0] is 'f' or 'F') && int.TryParse(trimmed.AsSpan(1), out var n) && n is >= 1 and <= 12)
        {
            return "F" + n;
        }

        throw new DriverException($"Unknown key name '{key}'. Use lower-case names such as ctrl, alt, shift, enter, tab, escape, back, home, end, pageup, up, f5, or a single character.");
    }
}
