using System.Text;

namespace VisualAgent.Tests.Support;

/// <summary>
/// Splits one shell command line into words the way bash does for the simple commands a README shows: single quotes
/// literal, double quotes with \" \\ \$ \` escapes, a backslash escaping the next character, a backslash before a new
/// line continuing the line, and a # that starts a word starting a comment. No expansion, pipes or redirection.
/// </summary>
internal static class ShellWords
{
    public static IReadOnlyList<string> Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case '\\' when i + 1 < line.Length && line[i + 1] == '\n':
                    i++;
                    break;
                case '\\' when i + 1 < line.Length:
                    word.Append(line[++i]);
                    inWord = true;
                    break;
                case '\'':
                    var close = line.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        throw new FormatException($"Unclosed single quote in: {line}");
                    }

                    word.Append(line, i + 1, close - i - 1);
                    i = close;
                    inWord = true;
                    break;
                case '"':
                    i = ReadDoubleQuoted(line, i + 1, word);
                    inWord = true;
                    break;
                case '#' when !inWord:
                    i = line.IndexOf('\n', i) is var nl and >= 0 ? nl - 1 : line.Length;
                    break;
                case ' ' or '\t' or '\n':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    break;
                case '|' or '>' or '<' or ';' or '&' or '$' or '`':
                    throw new FormatException($"'{c}' is more shell than this reader handles (and more than a README command should need): {line}");
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static int ReadDoubleQuoted(string line, int start, StringBuilder word)
    {
        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                return i;
            }

            if (c == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`')
            {
                word.Append(line[++i]);
            }
            else if (c is '$' or '`')
            {
                throw new FormatException($"Expansion inside double quotes is more shell than this reader handles: {line}");
            }
            else
            {
                word.Append(c);
            }
        }

        throw new FormatException($"Unclosed double quote in: {line}");
    }
}
