namespace VisualAgent.Vision.Grounding;

/// <summary>Settings of <see cref="OcrGrounder"/> (bound from "Ocr:Grounder").</summary>
public sealed class OcrGrounderOptions
{
    /// <summary>Matches scoring below this (0..1) are refused rather than guessed. Default 0.7.</summary>
    public double MinConfidence { get; set; } = 0.7;

    /// <summary>Re-read detected controls one by one (PSM 7, 2x, polarity normalised) when the full-page pass did
    /// not find the text. Default true.</summary>
    public bool ReadControls { get; set; } = true;

    /// <summary>At most this many controls are re-read per request. Default 40.</summary>
    public int MaxControlReads { get; set; } = 40;

    /// <summary>Read lines of text the full-page read missed (small, low-contrast or light-on-colour text) one by
    /// one, upscaled and polarity-normalised, when the page read and the control re-reads did not find the target
    /// exactly (part of the closer look: off when <see cref="ReadControls"/> is off). Default true.</summary>
    public bool ReadTextLines { get; set; } = true;

    /// <summary>At most this many such lines are read per request. Default 30.</summary>
    public int MaxLineReads { get; set; } = 30;

    /// <summary>How far (pixels) right of or below a label its input may be (the row search stops at 300, the search
    /// below at a few label heights). Default 400.</summary>
    public double FieldSearchDistance { get; set; } = 400;

    /// <summary>Decode limit for screenshots. Default <see cref="Image.DefaultMaxPixels"/>.</summary>
    public long MaxPixels { get; set; } = Image.DefaultMaxPixels;
}
