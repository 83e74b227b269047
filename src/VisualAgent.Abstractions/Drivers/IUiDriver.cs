namespace VisualAgent.Drivers;

/// <summary>
/// Sees and acts on a user interface in screenshot pixels: the capabilities every driver has. The web driver
/// (Playwright) and the desktop driver (X11 + AT-SPI) both sit behind it; each converts screenshot pixels to its own
/// device space in exactly one place. Further capabilities are separate interfaces the loop discovers by type:
/// <see cref="IElementQuery"/>, <see cref="IActivityMonitor"/>, <see cref="INavigation"/>, <see cref="INativeDialogs"/>,
/// <see cref="IFileUpload"/>.
/// </summary>
public interface IUiDriver : IScreenCapture, IInputDevice, IElementInspector, IAsyncDisposable
{
    /// <summary>A text accessibility snapshot (role tree) of the screen, or null when the driver has none.</summary>
    Task<string?> AccessibilitySnapshotAsync(CancellationToken cancellationToken = default);
}
