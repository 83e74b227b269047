namespace VisualAgent.Drivers;

/// <summary>
/// The answer of <see cref="IShownText"/>: the occurrence that counted (its element's facts, in screenshot pixels, and
/// whether it was a form control's value or rendered text), or why there was none.
/// </summary>
public sealed record ShownText
{
    /// <summary>The element the text was found in; null when it is not shown.</summary>
    public ElementFacts? Element { get; init; }

    /// <summary>"value" (a form control's value or selected option) or "text" (rendered text).</summary>
    public string? Kind { get; init; }

    /// <summary>Why the text does not count as shown (hidden, only in a code listing, not on the page); null when found.</summary>
    public string? Problem { get; init; }

    /// <summary>True when the occurrence was out of view and was scrolled into it.</summary>
    public bool Scrolled { get; init; }

    public bool Found => Element is not null;

    /// <summary>Where it was found, for a step's evidence: e.g. <c>the value of input#action_output at (…)</c>.</summary>
    public string Where => Element is not { } e ? Problem ?? "not shown"
        : $"{(Kind == "value" ? "the value of " : "")}{e.Css ?? e.Tag}{(e.Role is { } r ? $" (role {r})" : "")}{(e.Name is { Length: > 0 } n ? $" \"{n}\"" : "")} at {e.Box}";
}
