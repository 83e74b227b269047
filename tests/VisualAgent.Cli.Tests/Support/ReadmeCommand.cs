using System.Text.RegularExpressions;

namespace VisualAgent.Tests.Support;

/// <summary>One command of the README as a person would type it: environment assignments, the program, its arguments.</summary>
internal sealed partial record ReadmeCommand(string Section, string Text, IReadOnlyDictionary<string, string> Environment, string Program, IReadOnlyList<string> Arguments)
{
    /// <summary>The commands in the ```bash blocks of the README's level-2 sections whose titles are given, in order.</summary>
    public static IReadOnlyList<ReadmeCommand> Read(string readmePath, params string[] sections)
    {
        var commands = new List<ReadmeCommand>();
        string? section = null;
        var inBlock = false;
        var pending = "";
        foreach (var line in File.ReadLines(readmePath))
        {
            if (!inBlock && line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = sections.FirstOrDefault(s => line[3..].Trim().Equals(s, StringComparison.Ordinal) || line[3..].StartsWith(s + " ", StringComparison.Ordinal));
                continue;
            }

            if (section is null)
            {
                continue;
            }

            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock && line.Trim() == "```bash";
                continue;
            }

            if (!inBlock || (pending.Length == 0 && line.Trim().Length == 0))
            {
                continue;
            }

            pending += line + "\n";
            if (!line.TrimEnd().EndsWith('\\'))
            {
                commands.Add(Parse(section, pending.TrimEnd()));
                pending = "";
            }
        }

        return commands;
    }

    public override string ToString() => Text;

    private static ReadmeCommand Parse(string section, string text)
    {
        var words = ShellWords.Split(text);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        for (; i < words.Count && Assignment().Match(words[i]) is { Success: true } m; i++)
        {
            environment[m.Groups[1].Value] = m.Groups[2].Value;
        }

        if (i == words.Count)
        {
            throw new FormatException($"No program in: {text}");
        }

        return new ReadmeCommand(section, text, environment, words[i], [.. words.Skip(i + 1)]);
    }

    [GeneratedRegex("^([A-Za-z_][A-Za-z0-9_]*)=(.*)$", RegexOptions.Singleline)]
    private static partial Regex Assignment();
}
