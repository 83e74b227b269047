using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Web;

/// <summary>A point in the page's CSS pixels (what Playwright's mouse takes).</summary>
internal readonly record struct CssPoint(double X, double Y);

/// <summary>
/// The one place where screenshot pixels (device pixels) become CSS pixels and back: divide or multiply by the
/// device scale factor. Nothing else in the driver scales coordinates.
/// </summary>
internal static class CoordinateMapper
{
    /// <summary>Screenshot pixels to CSS pixels; a point outside the viewport is an error.</summary>
    public static CssPoint ToCss(ScreenPoint point, double deviceScaleFactor, int viewportCssWidth, int viewportCssHeight)
    {
        var x = point.X / deviceScaleFactor;
        var y = point.Y / deviceScaleFactor;
        if (!double.IsFinite(x) || !double.IsFinite(y) || x < 0 || y < 0 || x >= viewportCssWidth || y >= viewportCssHeight)
        {
            var w = viewportCssWidth * deviceScaleFactor;
            var h = viewportCssHeight * deviceScaleFactor;
            throw new DriverException(FormattableString.Invariant(
                $"The point {point} is outside the viewport (0..{w:0}x0..{h:0} screenshot pixels). Ground the target on the current screenshot or scroll it into view first."));
        }

        return new CssPoint(x, y);
    }

    /// <summary>A CSS-pixel rectangle (left, top, width, height) to a box in screenshot pixels.</summary>
    public static ScreenBox ToScreen(double left, double top, double width, double height, double deviceScaleFactor) =>
        ScreenBox.FromXywh(left * deviceScaleFactor, top * deviceScaleFactor, width * deviceScaleFactor, height * deviceScaleFactor);
}
