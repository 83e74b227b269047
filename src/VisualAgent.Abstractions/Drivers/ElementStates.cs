namespace VisualAgent.Drivers;

/// <summary>The states of an element (ARIA states or their native equivalents); null where the element has no such state.</summary>
public sealed record ElementStates
{
    /// <summary>Checked (checkbox, radio, switch, menu item checkbox); null when not checkable.</summary>
    public bool? Checked { get; init; }

    /// <summary>aria-checked="mixed" or an indeterminate checkbox.</summary>
    public bool Mixed { get; init; }

    /// <summary>Selected (option, tab, row, grid cell, tree item).</summary>
    public bool? Selected { get; init; }

    public bool? Expanded { get; init; }

    public bool? Pressed { get; init; }

    public bool Disabled { get; init; }

    public bool ReadOnly { get; init; }

    public bool Editable { get; init; }

    public bool Focused { get; init; }

    /// <summary>aria-sort of a column header ("ascending", "descending", "none", "other").</summary>
    public string? Sort { get; init; }

    /// <summary>aria-current, when set.</summary>
    public string? Current { get; init; }

    /// <summary>A form control that submits its form (a submit button, an image input).</summary>
    public bool Submits { get; init; }

    /// <summary>For a form control: the origin its form posts to, when it is another origin than the page's.</summary>
    public string? FormAction { get; init; }
}
