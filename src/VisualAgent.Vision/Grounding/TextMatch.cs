using VisualAgent.Geometry;

namespace VisualAgent.Vision.Grounding;

/// <summary>A place where the target text was read: the text's box, the control around it (if any), the score.</summary>
internal sealed record TextMatch(string Text, ScreenBox TextBox, double Score, string Source)
{
    public ScreenBox? Control { get; init; }

    public ScreenBox Box => Control ?? TextBox;
}
