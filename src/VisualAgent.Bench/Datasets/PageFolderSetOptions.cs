using VisualAgent.Drivers.Web;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Bench.Datasets;

/// <summary>What <see cref="PageFolderSetGenerator"/> photographs in a folder of pages nobody here wrote.</summary>
public sealed class PageFolderSetOptions
{
    /// <summary>The devpages examples' start markers: one screenshot per example, scrolled to it.</summary>
    public const string DevPagesAnchors = "[role=separator][id^=ex][id$=_start_sep]";

    /// <summary>Viewport in CSS pixels. Default 1280x800 (the devpages tasks' viewport).</summary>
    public PixelSize Viewport { get; set; } = new(1280, 800);

    /// <summary>A CSS selector: one screenshot per match, scrolled so the match sits <see cref="AnchorOffset"/> below
    /// the top; a page with no match is photographed at its top. Default <see cref="DevPagesAnchors"/>.</summary>
    public string AnchorSelector { get; set; } = DevPagesAnchors;

    /// <summary>CSS pixels between the top of the viewport and the anchor. Default 40.</summary>
    public int AnchorOffset { get; set; } = 40;

    /// <summary>Only pages whose relative path contains one of these (case-insensitive); empty (default) = all.</summary>
    public IList<string> Pages { get; set; } = [];

    /// <summary>Repeated instructions on one screenshot get ordinals up to this; later ones are dropped. Default 10.</summary>
    public int MaxOrdinal { get; set; } = 10;

    /// <summary>Browser settings (executable, headless); the generator adds the accessible-name feature and blocks
    /// every host but 127.0.0.1. Default: auto-detect.</summary>
    public BrowserOptions Browser { get; set; } = new();

    /// <summary>Throws <see cref="UsageException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (Viewport.Width is < 100 or > 7680 || Viewport.Height is < 100 or > 4320)
        {
            throw new UsageException($"The viewport {Viewport} must be between 100x100 and 7680x4320.");
        }

        if (string.IsNullOrWhiteSpace(AnchorSelector))
        {
            throw new UsageException("The anchor selector is empty: give a CSS selector such as " + DevPagesAnchors + ".");
        }

        if (AnchorOffset is < 0 or > 2000)
        {
            throw new UsageException("The anchor offset must be 0..2000 CSS pixels.");
        }

        if (MaxOrdinal is < 0 or > 10)
        {
            throw new UsageException("MaxOrdinal must be between 0 and 10.");
        }
    }
}
