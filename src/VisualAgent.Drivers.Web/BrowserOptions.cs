namespace VisualAgent.Drivers.Web;

/// <summary>How the web driver starts or attaches to a browser (configuration section <c>Browser</c>).</summary>
public sealed class BrowserOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Browser";

    /// <summary>
    /// The browser executable. Null (default) auto-detects Debian's chromium, then chromium-browser, Google Chrome and
    /// Microsoft Edge in the usual places and on PATH.
    /// </summary>
    public string? ExecutablePath { get; set; }

    /// <summary>Run without a window (default true).</summary>
    public bool Headless { get; set; } = true;

    /// <summary>Delay Playwright adds before each browser operation, in milliseconds (default 0; for watching runs).</summary>
    public int SlowMoMs { get; set; }

    /// <summary>Viewport width in CSS pixels (default 1280).</summary>
    public int ViewportWidth { get; set; } = 1280;

    /// <summary>Viewport height in CSS pixels (default 720).</summary>
    public int ViewportHeight { get; set; } = 720;

    /// <summary>Device pixels per CSS pixel (default 1). Screenshots are viewport * this, in device pixels.</summary>
    public double DeviceScaleFactor { get; set; } = 1;

    /// <summary>A profile folder to keep cookies and storage between runs (persistent context); null = a fresh profile.</summary>
    public string? UserDataDir { get; set; }

    /// <summary>Attach to a running browser's DevTools endpoint (e.g. http://127.0.0.1:9222) instead of launching one.</summary>
    public string? CdpEndpoint { get; set; }

    /// <summary>Where downloads are saved (default: a private temporary folder, removed when the page closes).</summary>
    public string? DownloadsDir { get; set; }

    /// <summary>A download larger than this is cancelled, in megabytes (default 1024).</summary>
    public int MaxDownloadMegabytes { get; set; } = 1024;

    /// <summary>Bound on loading a page, in milliseconds (default 30000).</summary>
    public int NavigationTimeoutMs { get; set; } = 30_000;

    /// <summary>Bound on waiting for the page to settle after an action, in milliseconds (default 2000).</summary>
    public int SettleTimeoutMs { get; set; } = 2_000;

    /// <summary>The page is settled when its DOM has not changed for this long, in milliseconds (default 100).</summary>
    public int SettleQuietMs { get; set; } = 100;

    /// <summary>
    /// Bound on checking a step's ranked locators through Playwright's own engines, per element, in milliseconds (default
    /// 1500; 0 turns the check off). Entries not reached in time keep the ranking's own verdict, unmarked.
    /// </summary>
    public int LocatorCheckMs { get; set; } = 1_500;

    /// <summary>A native dialog nobody answers is dismissed after this many milliseconds (default 30000).</summary>
    public int DialogTimeoutMs { get; set; } = 30_000;

    /// <summary>Describe the element under a pointer action's point in its outcome (default true; ~10-40 ms per action).</summary>
    public bool DescribeTargets { get; set; } = true;

    /// <summary>
    /// Abort every request that does not go to this machine (127.0.0.1, localhost, ::1; file:, data:, blob:), so a
    /// local page behaves the same offline and online (default false; the bench sets it for local task pages).
    /// </summary>
    public bool BlockNonLocalRequests { get; set; }

    /// <summary>Extra command-line switches for the browser.</summary>
    public IList<string> ExtraArgs { get; set; } = [];

    /// <summary>A copy whose viewport and scale are replaced (for opening pages of another size on the same browser).</summary>
    public BrowserOptions With(int? viewportWidth = null, int? viewportHeight = null, double? deviceScaleFactor = null)
    {
        var copy = (BrowserOptions)MemberwiseClone();
        copy.ExtraArgs = [.. ExtraArgs];
        copy.ViewportWidth = viewportWidth ?? ViewportWidth;
        copy.ViewportHeight = viewportHeight ?? ViewportHeight;
        copy.DeviceScaleFactor = deviceScaleFactor ?? DeviceScaleFactor;
        return copy;
    }

    /// <summary>Throws <see cref="Errors.UsageException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        Check(ViewportWidth is >= 100 and <= 7680, "ViewportWidth", "between 100 and 7680");
        Check(ViewportHeight is >= 100 and <= 4320, "ViewportHeight", "between 100 and 4320");
        Check(DeviceScaleFactor is >= 0.5 and <= 4, "DeviceScaleFactor", "between 0.5 and 4");
        Check(SlowMoMs is >= 0 and <= 10_000, "SlowMoMs", "between 0 and 10000");
        Check(NavigationTimeoutMs is >= 100 and <= 600_000, "NavigationTimeoutMs", "between 100 and 600000");
        Check(SettleTimeoutMs is >= 0 and <= 60_000, "SettleTimeoutMs", "between 0 and 60000");
        Check(LocatorCheckMs is >= 0 and <= 60_000, "LocatorCheckMs", "between 0 and 60000");
        Check(SettleQuietMs is >= 0 and <= 5_000, "SettleQuietMs", "between 0 and 5000");
        Check(DialogTimeoutMs is >= 0 and <= 600_000, "DialogTimeoutMs", "between 0 and 600000");
        Check(MaxDownloadMegabytes is >= 1 and <= 1_048_576, "MaxDownloadMegabytes", "between 1 and 1048576");
        Check(UserDataDir is null || CdpEndpoint is null, "UserDataDir", "unset when CdpEndpoint is set (attach or launch, not both)");
    }

    private static void Check(bool ok, string key, string rule)
    {
        if (!ok)
        {
            throw new Errors.UsageException($"Setting {SectionName}:{key} must be {rule}.");
        }
    }
}
