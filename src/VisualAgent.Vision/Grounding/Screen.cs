using VisualAgent.Geometry;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Vision.Grounding;

/// <summary>What the grounder knows about one screenshot: the image, the full-page read, the detected controls, and
/// (measured on first use) its pixels and which controls are input-like.</summary>
internal sealed class Screen(Image image, OcrResult page, IReadOnlyList<ScreenBox> controls)
{
    private ScreenPixels? _pixels;
    private IReadOnlyList<ScreenBox>? _inputs;

    public Image Image => image;

    public OcrResult Page => page;

    public IReadOnlyList<ScreenBox> Controls => controls;

    public ScreenPixels Pixels => _pixels ??= new ScreenPixels(image);

    /// <summary>The controls that can be a field: light inside, empty or with left-aligned text.</summary>
    public IReadOnlyList<ScreenBox> Inputs => _inputs ??= controls.Where(c => InputShape.IsInputLike(Pixels, c)).ToList();

    /// <summary>True when the text in <paramref name="box"/> is drawn like a link: blue, or underlined.</summary>
    public bool LooksLikeLink(ScreenBox box)
    {
        if (Pixels.Ink(new ScreenBox(box.X1, box.Y1, box.X2, box.Y2 + 2)) is not { } ink)
        {
            return false;
        }

        var blue = ink.B > ink.R + 40 && ink.B > ink.G + 15 && ink.B > 90;
        return blue || ink.UnderlineRows >= 1;
    }
}
