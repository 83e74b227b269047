using VisualAgent.Geometry;

namespace VisualAgent.Vision.Ocr;

/// <summary>How to read an image: which part, at what scale, with which page segmentation. Boxes in the result are
/// always in the original image's pixels.</summary>
public sealed record OcrRequest
{
    public static OcrRequest FullPage { get; } = new();

    /// <summary>Reads only this part of the image; null reads all of it.</summary>
    public ScreenBox? Region { get; init; }

    /// <summary>Page segmentation; null uses <see cref="OcrOptions.PageSegMode"/>. 7 reads one line (a button label).</summary>
    public int? PageSegMode { get; init; }

    /// <summary>Upscale before reading (2 helps small button text). Default 1.</summary>
    public double Scale { get; init; } = 1;

    /// <summary>Inverts dark backgrounds (white-on-colour labels) so text is dark on light. Default false.</summary>
    public bool NormalizePolarity { get; init; }

    /// <summary>One control's label: the region, PSM 7, 2x, polarity normalised.</summary>
    public static OcrRequest SingleLine(ScreenBox region) =>
        new() { Region = region, PageSegMode = 7, Scale = 2, NormalizePolarity = true };
}
