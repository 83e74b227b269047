namespace VisualAgent.Drivers;

/// <summary>
/// Capability (desktop drivers): finds a recorded <see cref="ElementPath"/> among the screen's elements now, and gives
/// the path of an element (replay, and the scripts exported from desktop runs).
/// </summary>
public interface IElementPathResolver
{
    /// <summary>
    /// The elements of <paramref name="elements"/> (this driver's latest <see cref="IElementQuery.QueryElementsAsync"/>)
    /// at <paramref name="path"/>: by its automation id where it has one, else by application, window and the role/name
    /// chain (a nameless step by its index among its siblings).
    /// </summary>
    ElementPathMatch MatchPath(ElementPath path, IReadOnlyList<UiElement> elements);

    /// <summary>The path of an element of the latest query; null when it is unknown.</summary>
    ElementPath? PathOf(string elementRef);
}

/// <summary>What a path matched: how many elements, the element when exactly one, and how it was matched.</summary>
public sealed record ElementPathMatch(int Count, UiElement? Element, string How)
{
    /// <summary>True when the element was matched only by position: the path's last step has no name and no automation id.</summary>
    public bool PositionOnly { get; init; }
}
