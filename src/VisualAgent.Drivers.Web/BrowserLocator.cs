using VisualAgent.Errors;

namespace VisualAgent.Drivers.Web;

/// <summary>Finds a Chromium-family browser on this machine (never downloads one).</summary>
public static class BrowserLocator
{
    private static readonly string[] _names =
        ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable"];

    private static readonly string[] _fixedPaths =
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/snap/bin/chromium",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
        "/opt/google/chrome/chrome",
        "/usr/bin/microsoft-edge",
        "/opt/microsoft/msedge/msedge",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
        @"C:\Program Files\Google\Chrome\Application\chrome.exe",
        @"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    ];

    /// <summary>The configured path if it exists, else the first browser found; throws when there is none.</summary>
    public static string Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new EnvironmentMissingException(
                    $"The browser '{configured}' (setting Browser:ExecutablePath) does not exist. Fix the path, or clear it to auto-detect, or run: apt-get install chromium");
        }

        foreach (var path in _fixedPaths)
        {
            if (File.Exists(path))
            {
                return path;
            }
        }

        var pathVar = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in pathVar.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in _names)
            {
                var candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? name + ".exe" : name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new EnvironmentMissingException(
            "No Chromium-family browser found (looked for chromium, chromium-browser, google-chrome, microsoft-edge). "
            + "Install one with: apt-get install chromium, or set Browser:ExecutablePath to its executable.");
    }
}
