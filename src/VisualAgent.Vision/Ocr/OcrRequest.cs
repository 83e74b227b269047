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

    /// <summary>Inverts light text on a darker ground (white on colour, on a gradient) so text is dark on light; the
    /// ground is the region's most common gray level. Default false.</summary>
    public bool NormalizePolarity { get; init; }

    /// <summary>One control's label: the region, PSM 7, 2x, polarity normalised.</summary>
    public static OcrRequest SingleLine(ScreenBox region) =>
        new() { Region = region, PageSegMode = 7, Scale = 2, NormalizePolarity = true };

    /// <summary>One line of text found apart from the full-page read: the region with a margin, PSM 7, polarity
    /// normalised, upscaled so small text reaches about 36 px (3x for 10-13 px UI text).</summary>
    public static OcrRequest TextLine(ScreenBox region) =>
        new() { Region = region.Inflate(3), PageSegMode = 7, Scale = region.Height < 18 ? 3 : 2, NormalizePolarity = true };
}
