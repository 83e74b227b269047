using VisualAgent.Errors;

namespace VisualAgent.Drivers.Desktop.X11;

/// <summary>Which X display to use: the one given (--display), else DISPLAY; under Wayland alone, why X11 cannot help.</summary>
public static class DisplayName
{
    /// <summary>The display name to open; throws with what to do when there is none.</summary>
    public static string Resolve(string? display, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrWhiteSpace(display))
        {
            return display.Trim();
        }

        if (environment("DISPLAY") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (environment("WAYLAND_DISPLAY") is { Length: > 0 } wayland)
        {
            throw new EnvironmentMissingException(
                $"This is a Wayland session ({wayland}) with no X11 display: X11 capture and input do not reach native Wayland windows. " +
                "Run the apps under Xwayland or an X server (e.g. Xvfb :99 -screen 0 1920x1080x24 -nolisten tcp &) and pass --display :99.");
        }

        throw new EnvironmentMissingException(
            "No X display: DISPLAY is not set and --display was not given. Start one (e.g. Xvfb :99 -screen 0 1920x1080x24 -nolisten tcp &) and pass --display :99 or set DISPLAY.");
    }
}
