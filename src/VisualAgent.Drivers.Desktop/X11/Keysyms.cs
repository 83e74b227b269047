using System.Text;
using VisualAgent.Actions;
using VisualAgent.Errors;

namespace VisualAgent.Drivers.Desktop.X11;

/// <summary>X keysyms: the action contract's key names and any Unicode character (Latin-1 as is, the rest as 0x01000000 + code point).</summary>
internal static class Keysyms
{
    public const int ShiftL = 0xffe1;
    public const int Return = 0xff0d;

    private static readonly Dictionary<string, int> Named = new(StringComparer.Ordinal)
    {
        ["enter"] = Return, ["tab"] = 0xff09, ["escape"] = 0xff1b, ["backspace"] = 0xff08, ["back"] = 0xff08, ["delete"] = 0xffff,
        ["space"] = 0x20, ["home"] = 0xff50, ["end"] = 0xff57, ["pageup"] = 0xff55, ["pagedown"] = 0xff56, ["insert"] = 0xff63,
        ["left"] = 0xff51, ["up"] = 0xff52, ["right"] = 0xff53, ["down"] = 0xff54,
        ["ctrl"] = 0xffe3, ["shift"] = ShiftL, ["alt"] = 0xffe9, ["meta"] = 0xffeb, ["capslock"] = 0xffe5,
        ["plus"] = '+', ["minus"] = '-',
    };

    /// <summary>The keysym of one key name of a chord ("ctrl", "enter", "a", "f5", "é").</summary>
    public static int FromKeyName(string key)
    {
        var name = KeyNames.Normalize(key);
        if (Named.TryGetValue(name, out var keysym))
        {
            return keysym;
        }

        if (name.Length > 1 && name[0] == 'f' && int.TryParse(name.AsSpan(1), out var f) && f is >= 1 and <= 24)
        {
            return 0xffbe + f - 1;
        }

        if (name.EnumerateRunes().Count() == 1)
        {
            // A letter in a chord is its unshifted key: ctrl+A is ctrl+a.
            return FromRune(Rune.ToLowerInvariant(name.EnumerateRunes().First()));
        }

        throw new UsageException($"Unknown key \"{key}\": use a character or one of {string.Join(", ", Named.Keys)}, f1..f24.");
    }

    /// <summary>The keysym that types a character.</summary>
    public static int FromRune(Rune rune) => rune.Value switch
    {
        '\n' or '\r' => Return,
        '\t' => 0xff09,
        '\b' => 0xff08,
        >= 0x20 and <= 0x7e or >= 0xa0 and <= 0xff => rune.Value,
        _ => 0x01000000 | rune.Value,
    };
}
