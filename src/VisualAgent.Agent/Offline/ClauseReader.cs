using System.Globalization;
using System.Text.RegularExpressions;
using VisualAgent.Planning;

namespace VisualAgent.Agent.Offline;

/// <summary>Reads one clause of the offline grammar into one or more intents; null when the clause is not readable.</summary>
internal static partial class ClauseReader
{
    public static IReadOnlyList<StepIntent>? Read(string clause)
    {
        var c = clause.Trim();
        if (LoginPhrase.TryRead(c, out var login))
        {
            return login;
        }

        var many = ReadDialogReply(c) ?? ReadTypedAsThe(c) ?? ReadScoped(c) ?? ReadCheckList(c);
        if (many is not null)
        {
            return many.Count == 0 ? null : [.. many.Select(i => i with { Source = clause })];
        }

        // "click Next twice" repeats the click; a count on any other step is not readable.
        var (rest, count) = TakeRepeat(c);
        if (rest.Length < c.Length)
        {
            return ReadSingle(rest) is { Verb: StepVerb.Click or StepVerb.DoubleClick or StepVerb.RightClick } repeated
                && !DialogTarget.Answers(repeated)
                ? [.. Enumerable.Repeat(repeated with { Source = clause }, count)]
                : null;
        }

        var single = ReadPlain(c) ?? ReadSingle(c);
        return single is null ? null : [single with { Source = clause }];
    }

    /// <summary>"Enter X as the Y and Z as the W": one type step per field; null when the clause is not in that form.</summary>
    private static IReadOnlyList<StepIntent>? ReadTypedAsThe(string c)
    {
        var m = TypeVerb().Match(c);
        if (!m.Success || ReadAsThe(m.Groups["rest"].Value) is not { Count: > 1 } pairs)
        {
            return null;
        }

        return [.. pairs.Select(p => new StepIntent(StepVerb.Type) { Target = FieldTarget(p.Field), Value = p.Text })];
    }

    private static StepIntent? ReadSingle(string c)
    {
        Match m;
        if ((m = Open().Match(c)).Success)
        {
            var url = QuotedText.Unquote(m.Groups["url"].Value);
            return LooksLikeUrl(url) ? new StepIntent(StepVerb.Open) { Value = url } : null;
        }

        if (Back().IsMatch(c))
        {
            return new StepIntent(StepVerb.Back);
        }

        if (ReadDialogAnswer(c) is { } dialogAnswer)
        {
            return dialogAnswer;
        }

        if ((m = Pointer().Match(c)).Success)
        {
            return ReadPointer(m.Groups["verb"].Value.ToLowerInvariant(), m.Groups["target"].Value);
        }

        if ((m = Fill().Match(c)).Success)
        {
            return Type(m.Groups["text"].Value, m.Groups["target"].Value);
        }

        if ((m = TypeVerb().Match(c)).Success)
        {
            return ReadType(m.Groups["rest"].Value);
        }

        if (ReadPickThe(c) is { } picked)
        {
            return picked;
        }

        if ((m = SelectVerb().Match(c)).Success)
        {
            return ReadSelect(m.Groups["rest"].Value);
        }

        if ((m = Verify().Match(c)).Success && !VagueMakeSure(c, m))
        {
            return Text(StepVerb.Verify, m.Groups["text"].Value);
        }

        if ((m = CheckVerb().Match(c)).Success)
        {
            var verb = m.Groups["verb"].Value.StartsWith("un", StringComparison.OrdinalIgnoreCase) ? StepVerb.Uncheck : StepVerb.Check;
            return Targeted(verb, m.Groups["target"].Value);
        }

        if ((m = Scroll().Match(c)).Success)
        {
            return ReadScroll(m);
        }

        if ((m = Upload().Match(c)).Success)
        {
            return Targeted(StepVerb.Upload, m.Groups["target"].Value) with { Value = QuotedText.Unquote(m.Groups["file"].Value) };
        }

        if (WaitDownload().IsMatch(c))
        {
            return new StepIntent(StepVerb.WaitForDownload);
        }

        if ((m = WaitSeconds().Match(c)).Success)
        {
            var n = m.Groups["n"].Success ? double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : 1;
            var ms = m.Groups["unit"].Value.StartsWith('m') || m.Groups["unit"].Value.StartsWith('M');
            return new StepIntent(StepVerb.Wait) { Amount = ms ? n / 1000 : n };
        }

        if ((m = WaitText().Match(c)).Success)
        {
            return Text(StepVerb.WaitForText, m.Groups["text"].Value);
        }

        if (Submit().IsMatch(c))
        {
            return new StepIntent(StepVerb.Press) { Keys = ["enter"] };
        }

        return null;
    }

    /// <summary>"make sure no box is checked": a state to reach, not text to look for (not read, so it is refused).</summary>
    private static bool VagueMakeSure(string clause, Match verify) =>
        Regex.IsMatch(clause, @"^(?:make\s+sure|ensure)\b", RegexOptions.IgnoreCase)
        && !verify.Groups["text"].Value.TrimStart().StartsWith('"') && !Regex.IsMatch(clause, @"\b(?:visible|shown|displayed|present|on\s+(?:the\s+)?(?:screen|page))\.?$", RegexOptions.IgnoreCase);

    private static StepIntent? ReadPointer(string verb, string target)
    {
        if (verb is "press" or "hit" && KeyNames.TryParseChord(target, out var keys))
        {
            return new StepIntent(StepVerb.Press) { Keys = keys };
        }

        if (ReadDialogClick(target, out var inDialog) is { } dialogClick)
        {
            return verb.StartsWith("click", StringComparison.Ordinal) || verb is "press" or "tap" or "push" or "hit" ? dialogClick : null;
        }

        if (inDialog)
        {
            return null;
        }

        var stepVerb = verb switch
        {
            _ when verb.StartsWith("double", StringComparison.Ordinal) => StepVerb.DoubleClick,
            _ when verb.StartsWith("right", StringComparison.Ordinal) => StepVerb.RightClick,
            _ when verb.StartsWith("hover", StringComparison.Ordinal) || verb.StartsWith("mouse", StringComparison.Ordinal)
                || verb.StartsWith("move", StringComparison.Ordinal) => StepVerb.Hover,
            _ => StepVerb.Click,
        };
        return Targeted(stepVerb, target);
    }

    private static StepIntent? ReadType(string rest)
    {
        if (ReadAsThe(rest) is { } asThe)
        {
            return asThe is [var one] ? new StepIntent(StepVerb.Type) { Target = FieldTarget(one.Field), Value = one.Text } : null;
        }

        if (QuotedText.TryTakeLeading(rest.Trim(), out var quoted, out var after))
        {
            var tail = IntoTail().Match(after);
            return tail.Success ? Type(quoted, tail.Groups["target"].Value, quotedText: true)
                : after.Trim().Length == 0 ? new StepIntent(StepVerb.Type) { Value = quoted } : null;
        }

        var split = SplitAt(rest, [" into ", " in ", " to "]);
        return split is { } s ? Type(s.Left, s.Right) : rest.Trim().Length > 0 ? new StepIntent(StepVerb.Type) { Value = rest.Trim() } : null;
    }

    private static StepIntent? ReadSelect(string rest)
    {
        var r = rest.Trim();
        if (ReadAsThe(r) is { } asThe)
        {
            return asThe is [var one] ? new StepIntent(StepVerb.Select) { Target = FieldTarget(one.Field), Value = one.Text } : null;
        }
        if (QuotedText.TryTakeLeading(r, out var quoted, out var after))
        {
            var tail = FromTail().Match(after);
            return tail.Success ? Targeted(StepVerb.Select, tail.Groups["target"].Value) with { Value = quoted }
                : after.Trim().Length == 0 ? new StepIntent(StepVerb.Select) { Value = quoted } : null;
        }

        // "choose the color Blue": an option's text does not start with "the"; not readable rather than guessed.
        var split = SplitAt(r, [" from ", " in "]);
        return split is { } s ? Targeted(StepVerb.Select, s.Right) with { Value = s.Left }
            : r.Length > 0 && !r.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? new StepIntent(StepVerb.Select) { Value = r } : null;
    }

    private static StepIntent ReadScroll(Match m)
    {
        var up = m.Groups["dir"].Value.Equals("up", StringComparison.OrdinalIgnoreCase)
            || m.Groups["dir"].Value.Equals("to the top", StringComparison.OrdinalIgnoreCase);
        double? amount = m.Groups["n"].Success ? double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : null;
        if (m.Groups["dir"].Value.StartsWith("to the", StringComparison.OrdinalIgnoreCase))
        {
            amount = 100_000;
        }

        var intent = new StepIntent(StepVerb.Scroll) { Amount = amount is { } a ? (up ? -a : a) : null, Value = up ? "up" : "down" };
        return m.Groups["target"].Success ? intent with { Target = Target(m.Groups["target"].Value) } : intent;
    }

    private static StepIntent? Type(string text, string target, bool quotedText = false)
    {
        var value = quotedText ? text : QuotedText.Unquote(text);
        if (IsDialog(Target(target)))
        {
            return value.Length == 0 ? null : DialogTarget.Type(value);
        }

        return value.Length == 0 ? null : Targeted(StepVerb.Type, target) with { Value = value };
    }

    private static StepIntent Text(StepVerb verb, string text) => new(verb) { Value = QuotedText.Unquote(text) };

    private static StepIntent Targeted(StepVerb verb, string target) => new(verb) { Target = Target(target) };

    /// <summary>Quoted text alone loses its quotes; a described element stays as written (without "on").</summary>
    internal static string Target(string raw)
    {
        var t = raw.Trim().TrimEnd('.', ',');
        if (t.StartsWith("on ", StringComparison.OrdinalIgnoreCase))
        {
            t = t[3..].Trim();
        }

        return QuotedText.Unquote(t);
    }

    private static (string Left, string Right)? SplitAt(string text, string[] separators)
    {
        var mask = QuotedText.Mask(text);
        foreach (var sep in separators)
        {
            for (var i = text.IndexOf(sep, StringComparison.OrdinalIgnoreCase); i > 0; i = text.IndexOf(sep, i + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (!mask[i] && i + sep.Length < text.Length)
                {
                    return (text[..i].Trim(), text[(i + sep.Length)..].Trim());
                }
            }
        }

        return null;
    }

    private static bool LooksLikeUrl(string url) =>
        url.Length > 0 && !url.Contains(' ', StringComparison.Ordinal)
        && (url.Contains("://", StringComparison.Ordinal) || url.StartsWith('/') || url.StartsWith("./", StringComparison.Ordinal)
            || url.StartsWith("localhost", StringComparison.OrdinalIgnoreCase) || url.Contains('.', StringComparison.Ordinal)
            || url.StartsWith("{{", StringComparison.Ordinal));
}
