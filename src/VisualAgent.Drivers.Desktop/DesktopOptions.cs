namespace VisualAgent.Drivers.Desktop;

/// <summary>How the desktop driver connects and paces itself.</summary>
public sealed class DesktopOptions
{
    /// <summary>The X display (":99"); null = the DISPLAY environment variable.</summary>
    public string? Display { get; init; }

    /// <summary>Read the AT-SPI accessibility tree (default true); false = pixels only.</summary>
    public bool Accessibility { get; init; } = true;

    /// <summary>How long <see cref="DesktopDriver.LaunchAsync"/> waits for the app's window (default 20 s).</summary>
    public TimeSpan LaunchTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Pause after each action so the toolkit can react and repaint (default 250 ms).</summary>
    public TimeSpan SettleAfterAction { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Pause between the low-level events of an action (default 8 ms).</summary>
    public TimeSpan EventGap { get; init; } = TimeSpan.FromMilliseconds(8);

    public void Validate()
    {
        if (LaunchTimeout <= TimeSpan.Zero || LaunchTimeout > TimeSpan.FromMinutes(10))
        {
            throw new Errors.UsageException($"The launch timeout must be between 0 and 10 minutes, not {LaunchTimeout}.");
        }

        if (SettleAfterAction < TimeSpan.Zero || SettleAfterAction > TimeSpan.FromSeconds(30) || EventGap < TimeSpan.Zero || EventGap > TimeSpan.FromSeconds(1))
        {
            throw new Errors.UsageException("The desktop settle time must be 0..30 s and the event gap 0..1 s.");
        }
    }
}
