using VisualAgent.Geometry;

namespace VisualAgent.Bench.Tasks.Oracle;

/// <summary>
/// A described element found in the page: its visible box in screenshot pixels, whether it is on screen, and when it
/// is not, where to turn the wheel and by how much (CSS pixels, positive = down) to bring it into view.
/// </summary>
internal sealed record PageTarget(ScreenBox Box, bool Visible)
{
    public ScreenPoint? ScrollAt { get; init; }

    public double ScrollDy { get; init; }

    public string Tag { get; init; } = "";

    public string? InputType { get; init; }

    /// <summary>The field already holds text (typing into it must replace it).</summary>
    public bool HasValue { get; init; }

    /// <summary>Checked state of a checkbox, radio or switch; null for other elements.</summary>
    public bool? Checked { get; init; }

    public string? Text { get; init; }
}
