using System.Text;

namespace VisualAgent.Tests.Fuzz;

/// <summary>Deterministic mutations of model replies: truncation, swapped brackets, huge/NaN/negative numbers, odd unicode.</summary>
internal sealed class ReplyMutator(int seed)
{
    private static readonly string[] Numbers =
        ["1e308", "-1e308", "1e999", "NaN", "nan", "-Infinity", "inf", "-0", "99999999999999999999", "-123456", "4.9e-324", "0x1F", "1,5", "１２３"];

    private static readonly string[] Oddities =
        ["\u200B", "\uFEFF", "（", "）", "：", "，", "［", "］", "\uD800", "\uDC00", "😀", "\u202E", "\0", "＂", "\r\n", "\t", "\\", "\"", "'", "<think>", "</think>", "```", "<|box_start|>", "<tool_call>", "</tool_call>", "Action:", "(", ")"];

    private readonly Random _random = new(seed);

    public string Mutate(string reply)
    {
        var text = reply;
        var rounds = 1 + _random.Next(3);
        for (var i = 0; i < rounds; i++)
        {
            text = _random.Next(9) switch
            {
                0 => Truncate(text),
                1 => SwapBracket(text),
                2 => ReplaceNumber(text),
                3 => Insert(text, Numbers[_random.Next(Numbers.Length)]),
                4 => Insert(text, Oddities[_random.Next(Oddities.Length)]),
                5 => DeleteRange(text),
                6 => DuplicateRange(text),
                7 => Insert(text, ((char)_random.Next(32, 127)).ToString()),
                _ => Insert(text, new string(_random.Next(2) == 0 ? '[' : '{', _random.Next(1, 80))),
            };
        }

        return text;
    }

    private string Truncate(string text) => text.Length == 0 ? text : text[.._random.Next(text.Length)];

    private string SwapBracket(string text)
    {
        var positions = Enumerable.Range(0, text.Length).Where(i => "[]{}()<>".Contains(text[i], StringComparison.Ordinal)).ToArray();
        if (positions.Length == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        chars[positions[_random.Next(positions.Length)]] = "[]{}()<>"[_random.Next(8)];
        return new string(chars);
    }

    private string ReplaceNumber(string text)
    {
        var starts = Enumerable.Range(0, text.Length).Where(i => char.IsAsciiDigit(text[i]) && (i == 0 || !char.IsAsciiDigit(text[i - 1]))).ToArray();
        if (starts.Length == 0)
        {
            return text;
        }

        var start = starts[_random.Next(starts.Length)];
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return new StringBuilder(text).Remove(start, end - start).Insert(start, Numbers[_random.Next(Numbers.Length)]).ToString();
    }

    private string Insert(string text, string what) => text.Insert(_random.Next(text.Length + 1), what);

    private string DeleteRange(string text)
    {
        if (text.Length < 2)
        {
            return text;
        }

        var start = _random.Next(text.Length);
        return text.Remove(start, _random.Next(1, Math.Min(12, text.Length - start) + 1));
    }

    private string DuplicateRange(string text)
    {
        if (text.Length < 2)
        {
            return text;
        }

        var start = _random.Next(text.Length);
        var length = _random.Next(1, Math.Min(40, text.Length - start) + 1);
        return text.Insert(start, text.Substring(start, length));
    }
}
