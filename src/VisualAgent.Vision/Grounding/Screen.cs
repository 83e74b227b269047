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

    /// <summary>The controls that can be a field: light inside, empty or with left-aligned text; or a file field's
    /// picker button ("Choose File", "Browse...").</summary>
    public IReadOnlyList<ScreenBox> Inputs => _inputs ??= controls.Where(c => InputShape.IsInputLike(Pixels, c) || IsFilePicker(c)).ToList();

    // A browser's file field: its button reads "Choose File" / "Browse...", or "No file chosen" follows it on its row.
    private bool IsFilePicker(ScreenBox control)
    {
        var inside = TextSimilarity.Normalize(string.Concat(page.Words.Where(w => control.Contains(w.Box.Center)).Select(w => w.Text)));
        if (inside is "choosefile" or "choosefiles" or "browse" or "selectfile" or "selectfiles" or "uploadfile")
        {
            return true;
        }

        var cy = control.Center.Y;
        var after = page.Lines.FirstOrDefault(l => l.Box.X1 >= control.X2 - 2 && l.Box.X1 - control.X2 <= 16 && cy >= l.Box.Y1 && cy <= l.Box.Y2);
        return after is not null && TextSimilarity.Normalize(after.Text) is "nofilechosen" or "nofileselected" or "nofilesselected" or "nofileschosen";
    }

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
