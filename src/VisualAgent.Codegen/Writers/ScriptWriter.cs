using System.Text;
using System.Globalization;
using VisualAgent.Codegen.Plans;
using VisualAgent.Drivers;

namespace VisualAgent.Codegen.Writers;

/// <summary>
/// Writes a <see cref="ScriptPlan"/> in one target's idiom. Each step is announced ("step N: ...") before it acts, so a
/// failing script says which recorded step failed; secrets are read from environment variables, never written.
/// </summary>
public abstract class ScriptWriter
{
    private readonly StringBuilder _out = new();
    private int _indent;

    public abstract ScriptTarget Target { get; }

    /// <summary>The script's text; throws <see cref="UnsupportedStepException"/> for an action the target cannot express.</summary>
    public string Write(ScriptPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _out.Clear();
        Header(plan);
        foreach (var step in plan.Steps)
        {
            Announce(step);
            if (step.FallbackNote is { } note)
            {
                Comment(note);
            }

            Step(plan, step);
        }

        if (plan.StoppedAt is { } stopped)
        {
            Comment($"Not exported: {stopped}");
        }

        Footer(plan);
        return _out.ToString();
    }

    protected abstract void Header(ScriptPlan plan);

    protected abstract void Announce(ScriptStep step);

    protected abstract void Step(ScriptPlan plan, ScriptStep step);

    protected abstract void Footer(ScriptPlan plan);

    protected abstract string CommentPrefix { get; }

    protected void Line(string text = "") => _out.Append(text.Length == 0 ? "" : new string(' ', _indent * 4) + text).Append('\n');

    protected void Indent() => _indent++;

    protected void Outdent() => _indent--;

    protected void Comment(string text)
    {
        foreach (var line in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            Line($"{CommentPrefix} {line}".TrimEnd());
        }
    }

    protected static string Num(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A double-quoted string literal with C-style escapes (C#, TypeScript and Python all read it).</summary>
    protected static string Quote(string value) => ScriptLiterals.Quote(value);

    /// <summary>The first locator that matched exactly its element when recorded and that <paramref name="usable"/> accepts.</summary>
    protected static ElementLocator? Choose(ScriptStep step, Func<ElementLocator, bool> usable) =>
        step.Locators.FirstOrDefault(l => l.Unique && usable(l));

    /// <summary>Where the step acts when it has no usable locator, or a clear error when it has neither.</summary>
    protected (double X, double Y) PointOf(ScriptStep step)
    {
        if (step.Point is not { } p)
        {
            throw new UnsupportedStepException(step.Index, $"{step.Verb.ToString().ToLowerInvariant()} with neither a usable locator nor a recorded point", Target.Name());
        }

        Comment($"At a recorded point, x={Num(p.X)} y={Num(p.Y)} (CSS pixels): {step.PointReason ?? "no locator this target can use matched exactly one element"}.");
        return p;
    }

    protected static string Slug(string text) => new([.. text.Where(char.IsLetterOrDigit).Take(40)]);

    /// <summary>Key names of a chord for Playwright ("Control+A").</summary>
    protected static string PlaywrightKeys(IReadOnlyList<string> keys) => string.Join("+", keys.Select(PlaywrightKey));

    protected static string PlaywrightKey(string key) => key.ToLowerInvariant() switch
    {
        "ctrl" or "control" => "Control",
        "alt" or "option" => "Alt",
        "shift" => "Shift",
        "meta" or "cmd" or "command" or "win" or "super" => "Meta",
        "enter" or "return" => "Enter",
        "tab" => "Tab",
        "escape" or "esc" => "Escape",
        "back" or "backspace" => "Backspace",
        "delete" or "del" => "Delete",
        "home" => "Home",
        "end" => "End",
        "pageup" => "PageUp",
        "pagedown" => "PageDown",
        "up" or "arrowup" => "ArrowUp",
        "down" or "arrowdown" => "ArrowDown",
        "left" or "arrowleft" => "ArrowLeft",
        "right" or "arrowright" => "ArrowRight",
        "space" => "Space",
        var k when k.Length > 1 && k[0] == 'f' && int.TryParse(k[1..], out _) => k.ToUpperInvariant(),
        var k when k.Length == 1 => k,
        var k => throw new UnsupportedStepException(0, $"key '{k}'", "Playwright"),
    };

    /// <summary>Selenium's Keys constant for a key name, or null for a printable character.</summary>
    protected static string? SeleniumKey(string key) => key.ToLowerInvariant() switch
    {
        "ctrl" or "control" => "Control",
        "alt" or "option" => "Alt",
        "shift" => "Shift",
        "meta" or "cmd" or "command" or "win" or "super" => "Meta",
        "enter" or "return" => "Enter",
        "tab" => "Tab",
        "escape" or "esc" => "Escape",
        "back" or "backspace" => "Backspace",
        "delete" or "del" => "Delete",
        "home" => "Home",
        "end" => "End",
        "pageup" => "PageUp",
        "pagedown" => "PageDown",
        "up" or "arrowup" => "ArrowUp",
        "down" or "arrowdown" => "ArrowDown",
        "left" or "arrowleft" => "ArrowLeft",
        "right" or "arrowright" => "ArrowRight",
        "space" => "Space",
        var k when k.Length > 1 && k[0] == 'f' && int.TryParse(k[1..], out _) => k.ToUpperInvariant(),
        var k when k.Length == 1 => null,
        var k => throw new UnsupportedStepException(0, $"key '{k}'", "Selenium"),
    };

    protected static bool IsModifier(string key) => key.ToLowerInvariant() is "ctrl" or "control" or "alt" or "option" or "shift" or "meta" or "cmd" or "command" or "win" or "super";
}
