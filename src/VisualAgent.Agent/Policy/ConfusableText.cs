using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace VisualAgent.Agent.Policy;

/// <summary>
/// Folds text that only looks like Latin words into Latin, so that the policy's word lists cannot be dodged by
/// spelling: NFKC (full-width, mathematical and circled letters, ligatures), invisible format characters removed (zero-width spaces
/// and joiners, soft hyphens, bidi controls), and a small map of Cyrillic, Greek and Armenian letters drawn like
/// Latin ones ("Dеlete" with a Cyrillic е reads "Delete"). A small map, not Unicode's whole confusables table: it
/// covers the letters of the risky words and the look-alikes an attacker reaches for first.
/// </summary>
internal static class ConfusableText
{
    private static readonly FrozenDictionary<char, char> LookAlikes = new Dictionary<char, char>
    {
        // Cyrillic
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p',
        ['с'] = 'c', ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['ѕ'] = 's', ['і'] = 'i', ['ї'] = 'i', ['ј'] = 'j', ['ԁ'] = 'd',
        ['ԛ'] = 'q', ['ԝ'] = 'w', ['ӏ'] = 'l', ['һ'] = 'h', ['ү'] = 'y', ['ɡ'] = 'g',
        ['А'] = 'A', ['В'] = 'B', ['Е'] = 'E', ['Ё'] = 'E', ['К'] = 'K', ['М'] = 'M', ['Н'] = 'H', ['О'] = 'O', ['Р'] = 'P',
        ['С'] = 'C', ['Т'] = 'T', ['У'] = 'Y', ['Х'] = 'X', ['Ѕ'] = 'S', ['І'] = 'I', ['Ї'] = 'I', ['Ј'] = 'J', ['Ү'] = 'Y',
        ['Ԁ'] = 'D', ['Ԛ'] = 'Q', ['Ԝ'] = 'W', ['Ӏ'] = 'I', ['Һ'] = 'H',

        // Greek
        ['α'] = 'a', ['ε'] = 'e', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p', ['τ'] = 't', ['υ'] = 'u',
        ['χ'] = 'x', ['γ'] = 'y', ['ϲ'] = 'c', ['ϳ'] = 'j',
        ['Α'] = 'A', ['Β'] = 'B', ['Ε'] = 'E', ['Ζ'] = 'Z', ['Η'] = 'H', ['Ι'] = 'I', ['Κ'] = 'K', ['Μ'] = 'M', ['Ν'] = 'N',
        ['Ο'] = 'O', ['Ρ'] = 'P', ['Τ'] = 'T', ['Υ'] = 'Y', ['Χ'] = 'X', ['Ϲ'] = 'C',

        // Armenian and Latin oddities
        ['օ'] = 'o', ['ս'] = 'u', ['հ'] = 'h', ['ո'] = 'n', ['ı'] = 'i', ['ɑ'] = 'a', ['ꓲ'] = 'I',
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<int, string> Compatibility = new Dictionary<int, string>
    {
        // Letterlike symbols and ligatures that NFKC turns into Latin letters.
        [0x2102] = "C", [0x210A] = "g", [0x210B] = "H", [0x210C] = "H", [0x210D] = "H", [0x210E] = "h", [0x2110] = "I",
        [0x2111] = "I", [0x2112] = "L", [0x2113] = "l", [0x2115] = "N", [0x2119] = "P", [0x211A] = "Q", [0x211B] = "R",
        [0x211C] = "R", [0x211D] = "R", [0x2124] = "Z", [0x212A] = "K", [0x212C] = "B", [0x212F] = "e", [0x2130] = "E",
        [0x2131] = "F", [0x2133] = "M", [0x2134] = "o", [0x2139] = "i",
        [0xFB00] = "ff", [0xFB01] = "fi", [0xFB02] = "fl", [0xFB03] = "ffi", [0xFB04] = "ffl", [0xFB05] = "st", [0xFB06] = "st",

        // Small capitals (not NFKC, but read as the letters they are).
        [0x1D00] = "a", [0x0299] = "b", [0x1D04] = "c", [0x1D05] = "d", [0x1D07] = "e", [0x0262] = "g", [0x029C] = "h",
        [0x026A] = "i", [0x1D0A] = "j", [0x1D0B] = "k", [0x029F] = "l", [0x1D0D] = "m", [0x0274] = "n", [0x1D0F] = "o",
        [0x1D18] = "p", [0x0280] = "r", [0xA731] = "s", [0x1D1B] = "t", [0x1D1C] = "u", [0x1D20] = "v", [0x1D21] = "w",
        [0x028F] = "y", [0x1D22] = "z",
    }.ToFrozenDictionary();

    /// <summary>The text as the Latin letters it shows; null stays null.</summary>
    public static string? Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var rune in Normalize(text).EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
            {
                continue;
            }

            if (Latin(rune.Value) is { } latin)
            {
                sb.Append(latin);
            }
            else if (rune.IsBmp && LookAlikes.TryGetValue((char)rune.Value, out var look))
            {
                sb.Append(look);
            }
            else
            {
                sb.Append(rune.ToString());
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// NFKC where the runtime has it. The product runs with invariant globalization, where normalization may leave
    /// non-ASCII text as it is: <see cref="Latin"/> covers the compatibility forms that matter here either way.
    /// </summary>
    private static string Normalize(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (PlatformNotSupportedException)
        {
            return text;
        }
    }

    /// <summary>The Latin text of a compatibility form (full-width, mathematical, circled letters, ligatures), or null.</summary>
    private static string? Latin(int cp) => cp switch
    {
        >= 0xFF01 and <= 0xFF5E => ((char)(cp - 0xFEE0)).ToString(),
        >= 0x1D400 and < 0x1D6A4 => Letter((cp - 0x1D400) % 52),
        >= 0x1D7CE and <= 0x1D7FF => ((char)('0' + ((cp - 0x1D7CE) % 10))).ToString(),
        >= 0x24B6 and <= 0x24CF => ((char)('A' + (cp - 0x24B6))).ToString(),
        >= 0x24D0 and <= 0x24E9 => ((char)('a' + (cp - 0x24D0))).ToString(),
        >= 0x249C and <= 0x24B5 => ((char)('a' + (cp - 0x249C))).ToString(),
        _ => Compatibility.GetValueOrDefault(cp),
    };

    private static string Letter(int index) => ((char)(index < 26 ? 'A' + index : 'a' + (index - 26))).ToString();
}
