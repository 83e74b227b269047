using System.Diagnostics;
using VisualAgent.Actions;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Desktop;

/// <summary>Medians of the desktop driver's basic costs on its display (Stopwatch, N iterations each).</summary>
public static class DesktopBenchmark
{
    /// <summary>
    /// Measures on the driver's display: a full-screen capture (XGetImage only, and with PNG encoding), pointer moves
    /// and clicks on empty screen, typing one character, and — when <paramref name="app"/> opens and the tree is there — the
    /// AT-SPI walk of that app (with the element count) and the element at a point.
    /// </summary>
    public static async Task<IReadOnlyList<(string Name, double MedianMs)>> RunAsync(DesktopDriver driver, string? app, int iterations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var size = driver.ScreenSize;
        var results = new List<(string, double)>
        {
            ($"capture {size} XGetImage (raw pixels)", Median(iterations, () => X11.XScreenCapture.CaptureRgb(driver.Connection))),
            ($"capture {size} XGetImage + PNG", await MedianAsync(iterations, () => driver.CaptureAsync(cancellationToken)).ConfigureAwait(false)),
        };
        // Input without the driver's pacing (event gaps, settle): what XTEST itself costs, each event synced with the server.
        using (var input = new X11.XInput(driver.Connection, TimeProvider.System) { EventGap = TimeSpan.Zero })
        {
            var corner = new ScreenPoint(size.Width - 2, size.Height - 2);
            results.Add(("pointer move (XTEST, synced)", await MedianAsync(iterations, async () => { await input.MoveAsync(corner, cancellationToken).ConfigureAwait(false); return 0; }).ConfigureAwait(false)));
            results.Add(("click on the root window (XTEST, synced)", await MedianAsync(iterations, async () => { await input.ClickAsync(corner, MouseButton.Left, 1, cancellationToken).ConfigureAwait(false); return 0; }).ConfigureAwait(false)));
            results.Add(("type one character (keysym lookup, XTEST)", await MedianAsync(iterations, async () => { await input.TypeAsync("x", cancellationToken).ConfigureAwait(false); return 0; }).ConfigureAwait(false)));
        }

        if (app is null || !driver.HasAccessibility)
        {
            return results;
        }

        await using var launched = await driver.LaunchAsync(app, cancellationToken: cancellationToken).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        var count = 0;
        var walk = await MedianAsync(iterations, async () => count = (await driver.QueryElementsAsync(20000, cancellationToken).ConfigureAwait(false)).Elements.Count).ConfigureAwait(false);
        results.Add(($"AT-SPI tree walk of {app.Split(' ')[0]} ({count} elements)", walk));
        var centre = launched.Window!.Box.Center;
        results.Add(("element at a point (tree walk + hit test)", await MedianAsync(iterations, () => driver.ElementAtAsync(centre, cancellationToken)).ConfigureAwait(false)));
        return results;
    }

    private static double Median<T>(int n, Func<T> run)
    {
        run();
        var times = new List<double>();
        for (var i = 0; i < n; i++)
        {
            var started = Stopwatch.GetTimestamp();
            run();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        return Math.Round(times[times.Count / 2], 2);
    }

    private static async Task<double> MedianAsync<T>(int n, Func<Task<T>> run)
    {
        await run().ConfigureAwait(false);
        var times = new List<double>();
        for (var i = 0; i < n; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await run().ConfigureAwait(false);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        return Math.Round(times[times.Count / 2], 2);
    }
}
