namespace VisualAgent.Models.Dialects;

/// <summary>Key names as the action contract writes them: lower case, one spelling per key ("ctrl", "enter", "escape").</summary>
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
}
