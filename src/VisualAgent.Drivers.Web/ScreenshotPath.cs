namespace VisualAgent.Drivers.Web;

/// <summary>Ways to capture the viewport; the first two are lossless.</summary>
internal enum ScreenshotPath
{
    /// <summary>Page.ScreenshotAsync, PNG.</summary>
    Playwright,

    /// <summary>A CDP session's Page.captureScreenshot, PNG.</summary>
    CdpPng,

    /// <summary>A CDP session's Page.captureScreenshot, JPEG quality 80 (lossy: benchmark only).</summary>
    CdpJpeg,
}
