using System.Text;

namespace VisualAgent.Models.Dialects.Parsing;

/// <summary>
/// One Python-style call in a reply, as UI-TARS writes them: click(start_box='(1,2)'), hotkey(key='ctrl c'), wait().
/// Positional arguments have an empty key.
/// </summary>
internal sealed record CallText(string Name, IReadOnlyList<KeyValuePair<string, string>> Args)
{
    public string? Arg(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            foreach (var (k, v) in Args)
            {
                if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
                {
                    return v;
                }
            }
        }

        return null;
    }

    public string? Positional(int index) => Args.Where(a => a.Key.Length == 0).Select(a => a.Value).ElementAtOrDefault(index);

    /// <summary>
    /// Every complete call whose name is in <paramref name="known"/>, in order. A call cut off by the end of the reply is
    /// dropped. One pass over the text.
    /// </summary>
    public static List<CallText> FindAll(string text, IReadOnlySet<string> known, int max = 16)
    {
        var calls = new List<CallText>();
        var i = 0;
        while (i < text.Length && calls.Count < max)
        {
            if (!(char.IsAsciiLetter(text[i]) || text[i] == '_') || (i > 0 && (char.IsAsciiLetterOrDigit(text[i - 1]) || text[i - 1] == '_')))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            var name = text[start..i];
            var j = i;
            while (j < text.Length && text[j] == ' ')
            {
                j++;
            }

            if (j >= text.Length || text[j] != '(' || !known.Contains(name.ToLowerInvariant()))
            {
                continue;
            }

            var args = ReadArgs(text, j + 1, out var end);
            i = end;
            if (args is not null)
            {
                calls.Add(new CallText(name.ToLowerInvariant(), args));
            }
        }

        return calls;
    }

    private static List<KeyValuePair<string, string>>? ReadArgs(string text, int pos, out int end)
    {
        var args = new List<KeyValuePair<string, string>>();
        while (true)
        {
            while (pos < text.Length && (char.IsWhiteSpace(text[pos]) || text[pos] == ','))
            {
                pos++;
            }

            if (pos >= text.Length)
            {
                end = pos;
                return null;
            }

            if (text[pos] == ')')
            {
                end = pos + 1;
                return args;
            }

            var key = "";
            var k = pos;
            while (k < text.Length && (char.IsAsciiLetterOrDigit(text[k]) || text[k] == '_'))
            {
                k++;
            }

            var eq = k;
            while (eq < text.Length && text[eq] == ' ')
            {
                eq++;
            }

            if (k > pos && eq < text.Length && text[eq] == '=')
            {
                key = text[pos..k];
                pos = eq + 1;
                while (pos < text.Length && text[pos] == ' ')
                {
                    pos++;
                }
            }

            var value = pos < text.Length && text[pos] is '\'' or '"' ? ReadQuoted(text, ref pos) : ReadBare(text, ref pos);
            if (value is null)
            {
                end = pos;
                return null;
            }

            args.Add(new(key, value));
        }
    }

    private static string? ReadQuoted(string text, ref int pos)
    {
        var quote = text[pos++];
        var sb = new StringBuilder();
        while (pos < text.Length)
        {
            var c = text[pos++];
            if (c == quote)
            {
                return sb.ToString();
            }

            if (c == '\\' && pos < text.Length)
            {
                var e = text[pos++];
                sb.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => e });
                continue;
            }

            sb.Append(c);
        }

        return null;
    }

    private static string? ReadBare(string text, ref int pos)
    {
        var start = pos;
        var depth = 0;
        while (pos < text.Length)
        {
            var c = text[pos];
            if (depth == 0 && ((c == ',' && !LooksLikeTupleComma(text, start, pos)) || c == ')'))
            {
                return text[start..pos].Trim();
            }

            depth += c is '(' or '[' ? 1 : c is ']' || (c == ')' && depth > 0) ? -1 : 0;
            depth = Math.Max(0, depth);
            pos++;
        }

        return null;
    }

    /// <summary>A bare "100,200" value: a comma between digits belongs to the value, not the argument list.</summary>
    private static bool LooksLikeTupleComma(string text, int start, int pos) =>
        pos > start && pos - start <= 64 && char.IsAsciiDigit(text[pos - 1]) && pos + 1 < text.Length && (char.IsAsciiDigit(text[pos + 1]) || text[pos + 1] == ' ')
        && text[start..pos].All(ch => char.IsAsciiDigit(ch) || ch is ',' or ' ' or '.' or '-');
}
