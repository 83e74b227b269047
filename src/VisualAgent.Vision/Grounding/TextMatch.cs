using VisualAgent.Geometry;

namespace VisualAgent.Vision.Grounding;

/// <summary>A place where the target text was read: the text's box, the control around it (if any), the score.</summary>
internal sealed record TextMatch(string Text, ScreenBox TextBox, double Score, string Source)
{
    public ScreenBox? Control { get; init; }

    /// <summary>True when the match is the whole OCR line (a label standing alone, not words inside a sentence).</summary>
    public bool Whole { get; init; }

    public ScreenBox Box => Control ?? TextBox;
}
