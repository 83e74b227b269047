using VisualAgent.Actions;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Desktop;

/// <summary>
/// The calibration self-test: input lands where screenshot pixels say. The pointer is moved to a known point and read
/// back (catches scaling and multi-monitor offsets between capture and input); then, when zenity and the accessibility
/// tree are there, a real button is clicked at the point the tree gives and must be the one pressed.
/// </summary>
public sealed partial class DesktopDriver
{
    /// <summary>Runs the self-test; never throws for a failed check (the result says what failed).</summary>
    public async Task<CalibrationResult> CalibrateAsync(CancellationToken cancellationToken = default)
    {
        var size = _display.Size;
        var target = new ScreenPoint(Math.Floor(size.Width / 3.0) + 7, Math.Floor(size.Height / 3.0) + 3);
        await _input.MoveAsync(target, cancellationToken).ConfigureAwait(false);
        var landed = _input.Pointer();
        if (landed != target)
        {
            return new CalibrationResult(false, $"the pointer was sent to {target} and landed at {landed}: input and screenshots disagree (scaling or a monitor offset)", landed.X - target.X, landed.Y - target.Y);
        }

        if (_tree is null || !OnPath("zenity"))
        {
            return new CalibrationResult(true, $"pointer lands where sent ({target}) on {size}; click test skipped ({(_tree is null ? AccessibilityStatus : "zenity is not installed")})", 0, 0);
        }

        const string title = "visual-agent calibration";
        await using var app = await LaunchAsync($"zenity --question --title '{title}' --text 'Calibration: the agent clicks Yes'", TimeSpan.FromSeconds(15), cancellationToken).ConfigureAwait(false);
        var yes = (await QueryElementsAsync(4000, cancellationToken).ConfigureAwait(false)).Elements
            .FirstOrDefault(e => e.Role == "button" && e.Name == "Yes" && e.Scopes.Any(s => s.Name == title));
        if (yes?.ClickPoint is not { } point)
        {
            return new CalibrationResult(false, "the calibration dialog's Yes button is not in the accessibility tree (or is covered)", null, null);
        }

        await ExecuteAsync(new ClickAction(point.X, point.Y), cancellationToken).ConfigureAwait(false);
        var exited = await app.WaitForExitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        return exited && app.ExitCode == 0
            ? new CalibrationResult(true, $"pointer lands where sent; a click at the tree's centre of the Yes button {point} pressed it ({size})", 0, 0)
            : new CalibrationResult(false, $"a click at {point}, the centre the accessibility tree gives for the Yes button, did not press it ({(exited ? $"the dialog answered {app.ExitCode}" : "the dialog is still open")}): input and the tree disagree", null, null);
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, tool)));
}

/// <summary>What the calibration self-test found; the offsets are where input landed minus where it was sent (null when unknown).</summary>
public sealed record CalibrationResult(bool Passed, string Detail, double? OffsetX, double? OffsetY);
