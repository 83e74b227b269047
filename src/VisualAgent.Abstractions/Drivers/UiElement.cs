using VisualAgent.Geometry;

namespace VisualAgent.Drivers;

/// <summary>
/// One element a user could mean, as the page's accessibility tree and DOM (or a desktop accessibility tree) describe
/// it. <see cref="Ref"/> is opaque and valid for the driver that gave it. Boxes are in screenshot pixels of the
/// current screen. <see cref="Value"/> is never set for password fields.
/// </summary>
public sealed record UiElement
{
    /// <summary>An opaque reference to the element for <see cref="IElementQuery.RefreshAsync"/> and friends.</summary>
    public required string Ref { get; init; }

    /// <summary>ARIA role (explicit or implicit), e.g. "button", "textbox", "checkbox"; "text" for a plain text element; "" when none.</summary>
    public string Role { get; init; } = "";

    /// <summary>Accessible name (icon-font glyphs removed).</summary>
    public string Name { get; init; } = "";

    /// <summary>Rendered text, whitespace normalised, shortened.</summary>
    public string Text { get; init; } = "";

    /// <summary>The element's own words, without nested groups, lists or trees (a tree item's label, not its children's).</summary>
    public string OwnText { get; init; } = "";

    public string? Tag { get; init; }

    public string? InputType { get; init; }

    /// <summary>Text of the &lt;label&gt;s of a form control.</summary>
    public string? Label { get; init; }

    public string? Placeholder { get; init; }

    public string? Title { get; init; }

    public string? Alt { get; init; }

    public string? TestId { get; init; }

    public string? Id { get; init; }

    /// <summary>The current value of a field, slider or spin button (never of a password field).</summary>
    public string? Value { get; init; }

    public ElementStates States { get; init; } = new();

    /// <summary>The options of a drop-down list (a &lt;select&gt;), as shown.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>The element's whole box (may be outside the screen).</summary>
    public ScreenBox Box { get; init; }

    /// <summary>The part of the box visible now (clipped by the screen and scrolling containers); null when none is.</summary>
    public ScreenBox? VisibleBox { get; init; }

    /// <summary>True when a click at <see cref="ClickPoint"/> reaches this element (or its label or content).</summary>
    public bool HitAtCentre { get; init; }

    /// <summary>
    /// Where a click reaches the element: the centre of <see cref="VisibleBox"/>, or the nearest point to it that is not
    /// covered by something else; null when no point of it can be reached.
    /// </summary>
    public ScreenPoint? ClickPoint { get; init; }

    /// <summary>For an element with no accessible name: words of its class and id (and its parent's), e.g. "increase", "icon trash".</summary>
    public string? Hint { get; init; }

    /// <summary>True for elements a user acts on (controls, links, focusable or clickable elements).</summary>
    public bool Interactive { get; init; }

    /// <summary>True for text inside running prose (a sentence of a paragraph), which is never a control.</summary>
    public bool InProse { get; init; }

    /// <summary>Position in reading (document) order.</summary>
    public int Order { get; init; }

    /// <summary>Heading level, for headings.</summary>
    public int? Level { get; init; }

    /// <summary>The enclosing scopes (dialog, region, group, fieldset, list, grid, row, heading section...), innermost first.</summary>
    public IReadOnlyList<ElementScope> Scopes { get; init; } = [];

    /// <summary>True when the element lives in a frame or shadow root the driver could read only partly.</summary>
    public bool InFrame { get; init; }
}
