using VisualAgent.Drivers.Desktop;

namespace VisualAgent.Hosting;

/// <summary>
/// The desktop driver on an X display and, with a launch command, the application it started and waited for (its
/// window open). Disposing ends the application if it still runs, then closes the display.
/// </summary>
public sealed class DesktopSession : IAsyncDisposable
{
    private DesktopSession(DesktopDriver driver, LaunchedApp? app)
    {
        Driver = driver;
        App = app;
    }

    public DesktopDriver Driver { get; }

    /// <summary>The launched application, when a launch command was given.</summary>
    public LaunchedApp? App { get; }

    public static async Task<DesktopSession> OpenAsync(DesktopOptions options, string? launch, CancellationToken ct = default)
    {
        var driver = DesktopDriver.Open(options);
        try
        {
            var app = launch is null ? null : await driver.LaunchAsync(launch, cancellationToken: ct).ConfigureAwait(false);
            return new DesktopSession(driver, app);
        }
        catch
        {
            await driver.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync().ConfigureAwait(false);
        }

        await Driver.DisposeAsync().ConfigureAwait(false);
    }
}
