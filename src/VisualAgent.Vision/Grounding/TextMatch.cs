using VisualAgent.Geometry;

namespace VisualAgent.Vision.Grounding;

/// <summary>A place where the target text was read: the text's box, the control around it (if any), the score.</summary>
internal sealed record TextMatch(string Text, ScreenBox TextBox, double Score, string Source)
{
    public ScreenBox? Control { get; init; }

    /// <summary>True when the match is the whole OCR line (a label standing alone, not words inside a sentence).</summary>
    public bool Whole { get; init; }

    /// <summary>How alike the read text and the target are (1 = the same letters and digits).</summary>
    public double Similarity { get; init; } = 1;

    /// <summary>Words in the OCR line the match was read in.</summary>
    public int LineWords { get; init; } = 1;

    /// <summary>True when the match covers its whole line, word for word (not just standing apart from its neighbours).</summary>
    public bool EntireLine { get; init; }

    /// <summary>True when the text looks like a link (blue or underlined), null when not measured.</summary>
    public bool? LinkStyled { get; init; }

    /// <summary>Words inside a sentence: not standing apart, in a line of several words.</summary>
    public bool InProse => !Whole && Control is null && LineWords >= 4;

    public ScreenBox Box => Control ?? TextBox;
}
