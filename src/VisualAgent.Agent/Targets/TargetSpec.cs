namespace VisualAgent.Agent.Targets;

/// <summary>
/// A described target taken apart: the text to match, the kind of element (as ARIA roles), an ordinal, a scope and an
/// anchor. "the \"City\" field of the billing address", "the second Edit button", "\"Dining Out\" in the \"Hot Coffee\"
/// row", "the arrow button next to the \"State\" field", "the thumb of the \"Temperature\" slider".
/// </summary>
public sealed record TargetSpec
{
    /// <summary>The phrase as written.</summary>
    public required string Phrase { get; init; }

    /// <summary>The text to match (quoted text, or the describing words when nothing was quoted); "" for kind-only targets.</summary>
    public string Text { get; init; } = "";

    /// <summary>True when <see cref="Text"/> was quoted: it must match as a whole.</summary>
    public bool Quoted { get; init; }

    /// <summary>The kind word as written ("button", "field"), or null.</summary>
    public string? Kind { get; init; }

    /// <summary>The roles the kind word stands for; empty when no kind was named.</summary>
    public IReadOnlySet<string> Roles { get; init; } = new HashSet<string>();

    /// <summary>1-based ordinal, -1 for "last", 0 for none.</summary>
    public int Ordinal { get; init; }

    /// <summary>The scope's text ("billing address", "Hot Coffee"), or null.</summary>
    public string? Scope { get; init; }

    /// <summary>The scope's kind word ("row", "list", "grid", "dialog", "section"...), or null for any scope.</summary>
    public string? ScopeKind { get; init; }

    /// <summary>The anchor of "next to ...", or null.</summary>
    public TargetSpec? NextTo { get; init; }

    /// <summary>True when the phrase names only a kind ("the button", "the text field").</summary>
    public bool KindOnly => Text.Length == 0 && Roles.Count > 0;

    public override string ToString() => Phrase;
}
