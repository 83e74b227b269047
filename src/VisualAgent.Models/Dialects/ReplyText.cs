using System.Text;

namespace VisualAgent.Models.Dialects;

/// <summary>
/// Tolerant clean-up shared by every dialect's parser: reasoning blocks, code fences, full-width punctuation, tool-call
/// tags and "Thought:/Action:" prefixes. Plain string scanning only (no backtracking regexes), so parsing cannot hang.
/// </summary>
public static class ReplyText
{
    /// <summary>Replies longer than this are cut before parsing (a looping model; nothing useful lies beyond).</summary>
    public const int MaxReplyChars = 100_000;

    /// <summary>
    /// Cuts overlong replies, drops zero-width characters and unpaired surrogates, maps full-width ASCII forms
    /// (U+FF01..U+FF5E, e.g. "：", "（", "）", "，", "［") and the ideographic space to ASCII, and CRLF to LF.
    /// </summary>
    public static string Normalize(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = raw.Length > MaxReplyChars ? raw[..MaxReplyChars] : raw;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }

            switch (c)
            {
                case >= '\uFF01' and <= '\uFF5E': sb.Append((char)(c - 0xFEE0)); break;
                case '\u3000': sb.Append(' '); break;
                case '\u3010': sb.Append('['); break;
                case '\u3011': sb.Append(']'); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n': break;
                case '\r': sb.Append('\n'); break;
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF': break;
                case '\0': break;
                case var s when char.IsSurrogate(s): break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Removes &lt;think&gt;...&lt;/think&gt; blocks and returns their text in <paramref name="thinking"/>. A closing tag
    /// without an opening one (templates that open the block themselves) ends a block that began at the start; an
    /// unclosed block runs to the end.
    /// </summary>
    public static string StripThink(string text, out string? thinking)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Open = "<think>";
        const string Close = "</think>";
        var thoughts = new List<string>();
        var firstOpen = text.IndexOf(Open, StringComparison.OrdinalIgnoreCase);
        var firstClose = text.IndexOf(Close, StringComparison.OrdinalIgnoreCase);
        if (firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen))
        {
            thoughts.Add(text[..firstClose]);
            text = text[(firstClose + Close.Length)..];
        }

        var sb = new StringBuilder();
        var pos = 0;
        while (pos < text.Length)
        {
            var open = text.IndexOf(Open, pos, StringComparison.OrdinalIgnoreCase);
            if (open < 0)
            {
                sb.Append(text, pos, text.Length - pos);
                break;
            }

            sb.Append(text, pos, open - pos);
            var close = text.IndexOf(Close, open + Open.Length, StringComparison.OrdinalIgnoreCase);
            var end = close < 0 ? text.Length : close;
            thoughts.Add(text[(open + Open.Length)..end]);
            pos = close < 0 ? text.Length : close + Close.Length;
        }

        var joined = string.Join("\n", thoughts.Select(t => t.Trim()).Where(t => t.Length > 0));
        thinking = joined.Length == 0 ? null : joined;
        return sb.ToString();
    }

    /// <summary>
    /// The contents of ``` fences (an unclosed last fence runs to the end), joined by newlines; the text itself when it
    /// has no fence. The language tag after the opening fence is dropped.
    /// </summary>
    public static string StripFences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Fence = "```";
        var first = text.IndexOf(Fence, StringComparison.Ordinal);
        if (first < 0)
        {
            return text;
        }

        var parts = new List<string>();
        var pos = first;
        while (pos >= 0 && pos < text.Length)
        {
            var bodyStart = text.IndexOf('\n', pos + Fence.Length);
            var tagEnd = bodyStart < 0 ? text.Length : bodyStart;
            var tag = text[(pos + Fence.Length)..tagEnd].Trim();
            // "```json [..]" on one line: keep what follows a short language tag.
            var inlineStart = pos + Fence.Length;
            var start = tag.Length > 0 && tag.All(char.IsAsciiLetterOrDigit) ? Math.Min(text.Length, tagEnd + 1) : inlineStart;
            var close = text.IndexOf(Fence, Math.Min(text.Length, start), StringComparison.Ordinal);
            parts.Add(text[Math.Min(text.Length, start)..(close < 0 ? text.Length : close)]);
            pos = close < 0 ? -1 : text.IndexOf(Fence, close + Fence.Length, StringComparison.Ordinal);
        }

        return string.Join("\n", parts);
    }

    /// <summary>
    /// The contents of &lt;tool_call&gt;...&lt;/tool_call&gt; blocks (an unclosed last block runs to the end);
    /// <paramref name="rest"/> is the text outside them.
    /// </summary>
    public static IReadOnlyList<string> ToolCallBlocks(string text, out string rest)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Open = "<tool_call>";
        const string Close = "</tool_call>";
        var blocks = new List<string>();
        var outside = new StringBuilder();
        var pos = 0;
        while (pos < text.Length)
        {
            var open = text.IndexOf(Open, pos, StringComparison.OrdinalIgnoreCase);
            if (open < 0)
            {
                outside.Append(text, pos, text.Length - pos);
                break;
            }

            outside.Append(text, pos, open - pos);
            var close = text.IndexOf(Close, open + Open.Length, StringComparison.OrdinalIgnoreCase);
            blocks.Add(text[(open + Open.Length)..(close < 0 ? text.Length : close)]);
            pos = close < 0 ? text.Length : close + Close.Length;
        }

        rest = outside.ToString();
        return blocks;
    }

    /// <summary>
    /// Splits "Thought: ... Action: ..." (also "Reflection:", "Action_Summary:"): the thought text and the part after the
    /// last "Action:" marker (the whole text when there is none).
    /// </summary>
    public static (string? Thought, string Action) SplitThoughtAction(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var action = LastMarker(text, "Action:");
        var head = action < 0 ? text : text[..action];
        var body = action < 0 ? text : text[(action + "Action:".Length)..];
        string? thought = null;
        var t = FirstMarker(head, "Thought:");
        if (t >= 0)
        {
            var end = FirstMarker(head[(t + 8)..], "Action_Summary:");
            thought = (end < 0 ? head[(t + 8)..] : head[(t + 8)..(t + 8 + end)]).Trim();
        }
        else if (action > 0 && head.Trim().Length > 0)
        {
            thought = head.Trim();
        }

        return (string.IsNullOrEmpty(thought) ? null : thought, body);
    }

    /// <summary>Index of <paramref name="marker"/> at the start of a line (case-insensitive), or -1. One pass.</summary>
    private static int FirstMarker(string text, string marker)
    {
        foreach (var i in MarkerPositions(text, marker))
        {
            return i;
        }

        return -1;
    }

    private static int LastMarker(string text, string marker)
    {
        var last = -1;
        foreach (var i in MarkerPositions(text, marker))
        {
            last = i;
        }

        return last;
    }

    private static IEnumerable<int> MarkerPositions(string text, string marker)
    {
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var i = lineStart;
            while (i < text.Length && text[i] is ' ' or '\t' or '*' or '#')
            {
                i++;
            }

            if (string.Compare(text, i, marker, 0, marker.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                yield return i;
            }

            var nl = text.IndexOf('\n', i);
            if (nl < 0)
            {
                yield break;
            }

            lineStart = nl + 1;
        }
    }
}
