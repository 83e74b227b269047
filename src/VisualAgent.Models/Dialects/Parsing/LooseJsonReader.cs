using System.Globalization;
using System.Text;

namespace VisualAgent.Models.Dialects.Parsing;

/// <summary>
/// A forgiving reader for the JSON models write: Python literals (single quotes, True/False/None), tuples, trailing
/// commas, unquoted keys, NaN/Infinity, any closing bracket for any opening one, and replies cut off mid-way (the cut
/// member is dropped, as the Qwen cookbook does by cutting at the last complete object). Linear time, bounded depth.
/// </summary>
internal sealed class LooseJsonReader
{
    private const int MaxDepth = 32;

    private readonly string _text;
    private int _pos;

    private LooseJsonReader(string text, int start)
    {
        _text = text;
        _pos = start;
    }

    private enum Status
    {
        Ok,
        Eof,
        Fail,
    }

    /// <summary>
    /// Reads one value starting at <paramref name="start"/>. On success <paramref name="next"/> is just after it; on
    /// failure it is where reading stopped (callers resume scanning there, which keeps a scan of a reply linear).
    /// </summary>
    public static bool TryRead(string text, int start, out LooseNode? node, out int next)
    {
        var reader = new LooseJsonReader(text, start);
        var status = reader.ReadValue(0, out node);
        next = Math.Max(reader._pos, start + 1);
        if (status == Status.Fail || node is null)
        {
            node = null;
            return false;
        }

        return true;
    }

    /// <summary>Every object or list found in <paramref name="text"/>, in order.</summary>
    public static List<LooseNode> FindAll(string text, int maxValues = 64)
    {
        var found = new List<LooseNode>();
        var pos = 0;
        while (pos < text.Length && found.Count < maxValues)
        {
            var at = text.AsSpan(pos).IndexOfAny('{', '[');
            if (at < 0)
            {
                break;
            }

            at += pos;
            if (TryRead(text, at, out var node, out var next) && node is LooseObject or LooseArray)
            {
                found.Add(node);
            }

            pos = next;
        }

        return found;
    }

    private Status ReadValue(int depth, out LooseNode? node)
    {
        node = null;
        SkipSpace();
        if (_pos >= _text.Length)
        {
            return Status.Eof;
        }

        var c = _text[_pos];
        return c switch
        {
            '{' => ReadObject(depth, out node),
            '[' or '(' => ReadArray(depth, out node),
            '"' or '\'' => ReadString(out node),
            _ when c is '-' or '+' or '.' || char.IsAsciiDigit(c) => ReadNumber(out node),
            _ when char.IsAsciiLetter(c) => ReadWord(out node),
            _ => Status.Fail,
        };
    }

    private Status ReadArray(int depth, out LooseNode? node)
    {
        node = null;
        if (depth >= MaxDepth)
        {
            return Status.Fail;
        }

        _pos++;
        var items = new List<LooseNode>();
        while (true)
        {
            SkipSeparators();
            if (_pos >= _text.Length)
            {
                node = new LooseArray(items) { Complete = false };
                return Status.Eof;
            }

            if (IsCloser(_text[_pos]))
            {
                _pos++;
                node = new LooseArray(items);
                return Status.Ok;
            }

            var status = ReadValue(depth + 1, out var item);
            if (status == Status.Fail)
            {
                return Status.Fail;
            }

            if (status == Status.Eof)
            {
                if (item is LooseObject or LooseArray)
                {
                    items.Add(item);
                }

                node = new LooseArray(items) { Complete = false };
                return Status.Eof;
            }

            items.Add(item!);
            if (!AfterMember())
            {
                return Status.Fail;
            }
        }
    }

    private Status ReadObject(int depth, out LooseNode? node)
    {
        node = null;
        if (depth >= MaxDepth)
        {
            return Status.Fail;
        }

        _pos++;
        var members = new List<KeyValuePair<string, LooseNode>>();
        while (true)
        {
            SkipSeparators();
            if (_pos >= _text.Length)
            {
                node = new LooseObject(members) { Complete = false };
                return Status.Eof;
            }

            if (IsCloser(_text[_pos]))
            {
                _pos++;
                node = new LooseObject(members);
                return Status.Ok;
            }

            var keyStatus = ReadKey(out var key);
            if (keyStatus != Status.Ok)
            {
                node = keyStatus == Status.Eof ? new LooseObject(members) { Complete = false } : null;
                return keyStatus;
            }

            var status = ReadValue(depth + 1, out var value);
            if (status == Status.Fail)
            {
                return Status.Fail;
            }

            if (status == Status.Eof)
            {
                if (value is LooseObject or LooseArray)
                {
                    members.Add(new(key!, value));
                }

                node = new LooseObject(members) { Complete = false };
                return Status.Eof;
            }

            members.Add(new(key!, value!));
            if (!AfterMember())
            {
                return Status.Fail;
            }
        }
    }

    private Status ReadKey(out string? key)
    {
        key = null;
        var c = _text[_pos];
        if (c is '"' or '\'')
        {
            var status = ReadString(out var node);
            if (status != Status.Ok)
            {
                return status;
            }

            key = ((LooseString)node!).Value;
        }
        else if (char.IsAsciiLetterOrDigit(c) || c == '_')
        {
            var start = _pos;
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '-'))
            {
                _pos++;
            }

            key = _text[start.._pos];
        }
        else
        {
            return Status.Fail;
        }

        SkipSpace();
        if (_pos >= _text.Length)
        {
            return Status.Eof;
        }

        if (_text[_pos] is not (':' or '='))
        {
            return Status.Fail;
        }

        _pos++;
        return Status.Ok;
    }

    private Status ReadString(out LooseNode? node)
    {
        node = null;
        var quote = _text[_pos++];
        var sb = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos++];
            if (c == quote)
            {
                node = new LooseString(sb.ToString());
                return Status.Ok;
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (_pos >= _text.Length)
            {
                break;
            }

            var e = _text[_pos++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'u' when _pos + 4 <= _text.Length
                    && ushort.TryParse(_text.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default: sb.Append(e); break;
            }
        }

        return Status.Eof;
    }

    private Status ReadNumber(out LooseNode? node)
    {
        node = null;
        var start = _pos;
        if (_text[_pos] is '-' or '+')
        {
            _pos++;
            if (_pos < _text.Length && char.IsAsciiLetter(_text[_pos]))
            {
                var status = ReadWord(out var word);
                if (status == Status.Ok && word is LooseNumber n)
                {
                    node = _text[start] == '-' ? new LooseNumber(-n.Value) : n;
                }

                return node is null ? (status == Status.Ok ? Status.Fail : status) : Status.Ok;
            }
        }

        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E'
            || (_text[_pos] is '-' or '+' && _text[_pos - 1] is 'e' or 'E')))
        {
            _pos++;
        }

        if (_pos >= _text.Length)
        {
            return Status.Eof; // a number cut off by the end of the reply may be missing digits
        }

        if (!double.TryParse(_text.AsSpan(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return Status.Fail;
        }

        node = new LooseNumber(value);
        return Status.Ok;
    }

    private Status ReadWord(out LooseNode? node)
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            _pos++;
        }

        node = _text[start.._pos].ToLowerInvariant() switch
        {
            "true" => new LooseLiteral(true),
            "false" => new LooseLiteral(false),
            "null" or "none" or "undefined" => new LooseLiteral(null),
            "nan" => new LooseNumber(double.NaN),
            "infinity" or "inf" => new LooseNumber(double.PositiveInfinity),
            _ => null,
        };
        return node is null ? Status.Fail : Status.Ok;
    }

    /// <summary>After a member: a separator, a closer or the end; anything else means this is not a value.</summary>
    private bool AfterMember()
    {
        SkipSpace();
        return _pos >= _text.Length || _text[_pos] is ',' || IsCloser(_text[_pos]);
    }

    private void SkipSeparators()
    {
        while (_pos < _text.Length && (char.IsWhiteSpace(_text[_pos]) || _text[_pos] == ','))
        {
            _pos++;
        }
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private static bool IsCloser(char c) => c is ']' or '}' or ')';
}
