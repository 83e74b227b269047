using VisualAgent.Cli.Hosting;
using VisualAgent.Drivers.Desktop;
using VisualAgent.Errors;
using VisualAgent.Hosting;

namespace VisualAgent.Cli.Commands;

/// <summary>
/// `doctor`'s desktop lines: the X display (DISPLAY or --display), the accessibility bus, and the calibration self-test.
/// Warnings, not requirements: a machine that only automates browsers needs no display.
/// </summary>
internal static class DoctorDesktopChecks
{
    public static async Task<IReadOnlyList<DoctorCheck>> CheckAsync(string? display, CancellationToken ct)
    {
        DesktopSession session;
        try
        {
            session = await DesktopSession.OpenAsync(new DesktopOptions { Display = display }, null, ct).ConfigureAwait(false);
        }
        catch (VisualAgentException e)
        {
            return [new DoctorCheck("desktop display", DoctorCheck.Warning, $"{e.Message} (only desktop runs need it)", false)];
        }

        await using (session.ConfigureAwait(false))
        {
            var driver = session.Driver;
            var checks = new List<DoctorCheck>
            {
                new("desktop display", DoctorCheck.Ok, $"{driver.Display}: {driver.ScreenSize}, {driver.Windows().Count} window(s)", false),
                new("accessibility bus", driver.HasAccessibility ? DoctorCheck.Ok : DoctorCheck.Warning, driver.AccessibilityStatus, false),
            };
            var calibration = await driver.CalibrateAsync(ct).ConfigureAwait(false);
            checks.Add(new DoctorCheck("desktop calibration", calibration.Passed ? DoctorCheck.Ok : DoctorCheck.Warning, calibration.Detail, false));
            return checks;
        }
    }
}
