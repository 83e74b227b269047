using System.Text.RegularExpressions;

namespace VisualAgent.Agent.Offline;

/// <summary>Finds quoted spans ("...", “...”, '...') so that splitting and matching leave them alone.</summary>
internal static partial class QuotedText
{
    /// <summary>A mask of the text: true where a character lies inside quotes or a {{...}} placeholder.</summary>
    public static bool[] Mask(string text)
    {
        var mask = new bool[text.Length];
        foreach (Match m in Spans().Matches(text))
        {
            Array.Fill(mask, true, m.Index, m.Length);
        }

        return mask;
    }

    /// <summary>The text without its surrounding quotes when the whole of it is one quoted span.</summary>
    public static string Unquote(string text)
    {
        var t = text.Trim();
        if (t.Length >= 2)
        {
            var m = Spans().Match(t);
            if (m.Success && m.Index == 0 && m.Length == t.Length && !t.StartsWith('{'))
            {
                return t[1..^1];
            }
        }

        return t;
    }

    /// <summary>The first quoted span's content and where it ends, when the text starts with one.</summary>
    public static bool TryTakeLeading(string text, out string content, out string rest)
    {
        var m = Spans().Match(text);
        if (m.Success && m.Index == 0 && !m.Value.StartsWith('{'))
        {
            content = m.Value[1..^1];
            rest = text[m.Length..];
            return true;
        }

        content = "";
        rest = text;
        return false;
    }

    [GeneratedRegex("\"[^\"]*\"|\u201C[^\u201D]*\u201D|\u2018[^\u2019]*\u2019|(?<=^|[\\s(,:])'[^']*'(?=$|[\\s,;.:)!?])|\\{\\{[^}]*\\}\\}")]
    private static partial Regex Spans();
}
