using VisualAgent.Actions;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers;

/// <summary>
/// Sees and acts on a user interface in screenshot pixels. The web driver (Playwright) and the desktop driver (X11 +
/// AT-SPI) both sit behind it; each converts screenshot pixels to its own device space in exactly one place.
/// </summary>
public interface IUiDriver : IAsyncDisposable
{
    /// <summary>Captures the current screen losslessly.</summary>
    Task<Screenshot> CaptureAsync(CancellationToken cancellationToken = default);

    /// <summary>Performs one action (its <see cref="AgentAction.Then"/> is the caller's business) and settles.</summary>
    Task<ActionOutcome> ExecuteAsync(AgentAction action, CancellationToken cancellationToken = default);

    /// <summary>Facts about the element at a point, or null where there is none the driver can see.</summary>
    Task<ElementFacts?> ElementAtAsync(ScreenPoint point, CancellationToken cancellationToken = default);

    /// <summary>A text accessibility snapshot (role tree) of the screen, or null when the driver has none.</summary>
    Task<string?> AccessibilitySnapshotAsync(CancellationToken cancellationToken = default);
}
