using VisualAgent.Drivers;
using VisualAgent.Geometry;

namespace VisualAgent.Codegen.Images;

/// <summary>
/// One step of a goal placed on a screenshot: where the grounder found its target, the label and kind read for it, the
/// locators built from them (best first) and, once bound to a live page, how many elements each matched there.
/// </summary>
public sealed record ImageStep
{
    public required int Index { get; init; }

    /// <summary>The clause of the goal, as the step grammar read it.</summary>
    public required string Description { get; init; }

    /// <summary>The target phrase, or null for a step with no element (open, verify, press...).</summary>
    public string? Target { get; init; }

    /// <summary>The element's label (the text it shows or is named by) and kind (an ARIA role), as read for the target.</summary>
    public string? Label { get; init; }

    public string? Role { get; init; }

    /// <summary>Where the grounder placed the target on the screenshot (screenshot pixels).</summary>
    public ScreenPoint? Point { get; init; }

    public ScreenBox? Box { get; init; }

    public IReadOnlyList<ElementLocator> Locators { get; init; } = [];

    /// <summary>Per locator (same order), the elements it matched on the live page; null until bound.</summary>
    public IReadOnlyList<int>? Matches { get; init; }
}
