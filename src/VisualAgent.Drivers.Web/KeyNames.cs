using VisualAgent.Errors;

namespace VisualAgent.Drivers.Web;

/// <summary>Maps the contract's lower-case key names ("ctrl", "enter", "f5", "a") to Playwright key names.</summary>
internal static class KeyNames
{
    private static readonly Dictionary<string, string> _map = new(StringComparer.OrdinalIgnoreCase)
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

    /// <summary>One Playwright chord, e.g. ["ctrl", "a"] or ["ctrl+a"] -> "Control+a".</summary>
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
            parts.AddRange(pieces.Select(Map));
        }

        return string.Join('+', parts);
    }

    public static string Map(string key)
    {
        if (key.Length == 1)
        {
            return key;
        }

        var trimmed = key.Trim();
        if (_map.TryGetValue(trimmed, out var name))
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
