namespace VisualAgent.Drivers;

/// <summary>The candidates of one <see cref="IElementQuery.QueryElementsAsync"/> call.</summary>
public sealed record ElementSnapshot
{
    public required IReadOnlyList<UiElement> Elements { get; init; }

    /// <summary>True when the page had more elements than the limit and the list was cut (reading order kept).</summary>
    public bool Truncated { get; init; }

    /// <summary>Parts of the screen the driver could not read (cross-origin frames, closed shadow roots, canvas), for "fall back to pixels".</summary>
    public IReadOnlyList<string> Unreadable { get; init; } = [];

    public string? Location { get; init; }
}
