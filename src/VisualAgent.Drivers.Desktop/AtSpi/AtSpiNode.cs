using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Desktop.AtSpi;

/// <summary>One accessible as AT-SPI describes it, read in one pass (raw: roles as AT-SPI names them).</summary>
internal sealed record AtSpiNode
{
    public required int Id { get; init; }

    /// <summary>AT-SPI role name: "push button", "text", "check box", "frame"...</summary>
    public required string Role { get; init; }

    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public IReadOnlySet<AtSpiState> States { get; init; } = new HashSet<AtSpiState>();

    /// <summary>Screen extents; null when it has no component or no size.</summary>
    public ScreenBox? Box { get; init; }

    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>The text of a text element (never of a password field).</summary>
    public string? Text { get; init; }

    public bool HasEditableText { get; init; }

    public double? Value { get; init; }

    /// <summary>Names of the elements that label it (LABELLED_BY).</summary>
    public string? LabelledBy { get; init; }

    public string? AccessibleId { get; init; }

    /// <summary>The application's name and process.</summary>
    public string App { get; init; } = "";

    public int ProcessId { get; init; }

    /// <summary>The id of its top-level window (itself for a window).</summary>
    public int Window { get; init; }

    public int Parent { get; init; }

    public int Depth { get; init; }

    /// <summary>Its position among its parent's children.</summary>
    public int Index { get; init; }

    /// <summary>Position in the walk (reading order).</summary>
    public int Order { get; init; }

    public bool Has(AtSpiState state) => States.Contains(state);
}

/// <summary>AT-SPI state types (AtspiStateType) the driver reads.</summary>
internal enum AtSpiState
{
    Active = 1,
    Armed = 2,
    Busy = 3,
    Checked = 4,
    Collapsed = 5,
    Defunct = 6,
    Editable = 7,
    Enabled = 8,
    Expandable = 9,
    Expanded = 10,
    Focusable = 11,
    Focused = 12,
    Modal = 16,
    MultiLine = 17,
    Pressed = 20,
    Selectable = 22,
    Selected = 23,
    Sensitive = 24,
    Showing = 25,
    SingleLine = 26,
    Visible = 30,
    Indeterminate = 32,
    Required = 33,
    IsDefault = 39,
    Checkable = 41,
    HasPopup = 42,
    ReadOnly = 43,
}
