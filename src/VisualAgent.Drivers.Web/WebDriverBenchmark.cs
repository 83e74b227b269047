using System.Diagnostics;
using VisualAgent.Actions;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Web;

/// <summary>Medians of the web driver's basic costs on this machine (Stopwatch, N iterations each).</summary>
public static class WebDriverBenchmark
{
    /// <summary>
    /// Measures: Playwright create + browser launch, new page (context + page), 1920x1080 screenshot by each path
    /// (Playwright PNG, CDP PNG, CDP JPEG q80), a click round trip (including settling) and an element-facts lookup,
    /// all on <paramref name="url"/>.
    /// </summary>
    /// <param name="resize">Our own decode + resize + encode (PNG bytes to PNG bytes of a size), measured after a full
    /// capture beside a capture made at that size by the browser (CDP clip scale); null leaves both rows out.</param>
    public static async Task<IReadOnlyList<(string Name, double MedianMs)>> RunAsync(
        BrowserOptions options, string url, int iterations, CancellationToken cancellationToken, Func<byte[], PixelSize, byte[]>? resize = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var results = new List<(string, double)>();
        var launchRuns = Math.Clamp(iterations / 4, 1, 5);
        results.Add(("playwright create + browser launch", await MedianAsync(launchRuns, async () =>
        {
            var browser = await PlaywrightBrowser.LaunchAsync(options, null, cancellationToken).ConfigureAwait(false);
            return browser;
        }, static b => b.DisposeAsync().AsTask()).ConfigureAwait(false)));

        var browser = await PlaywrightBrowser.LaunchAsync(options, null, cancellationToken).ConfigureAwait(false);
        await using (browser.ConfigureAwait(false))
        {
            var fullHd = options.With(1920, 1080, 1);
            fullHd.DescribeTargets = false;
            results.Add(("new page (context + page)", await MedianAsync(iterations,
                () => browser.NewDriverAsync(fullHd, cancellationToken), static d => d.DisposeAsync().AsTask()).ConfigureAwait(false)));

            var driver = await browser.NewDriverAsync(fullHd, cancellationToken).ConfigureAwait(false);
            await using (driver.ConfigureAwait(false))
            {
                await driver.NavigateAsync(url, cancellationToken).ConfigureAwait(false);
                foreach (var (name, path) in new[]
                {
                    ("screenshot 1920x1080 Page.ScreenshotAsync PNG", ScreenshotPath.Playwright),
                    ("screenshot 1920x1080 CDP PNG", ScreenshotPath.CdpPng),
                    ("screenshot 1920x1080 CDP JPEG q80", ScreenshotPath.CdpJpeg),
                })
                {
                    await driver.CaptureBytesAsync(path, cancellationToken).ConfigureAwait(false);
                    results.Add((name, await MedianAsync(iterations, () => driver.CaptureBytesAsync(path, cancellationToken), static _ => Task.CompletedTask).ConfigureAwait(false)));
                }

                if (resize is not null)
                {
                    // Qwen3-VL at 1280 image tokens sends 1504x832 for 16:9; the browser scales uniformly (1504x846).
                    var sent = new PixelSize(1504, 832);
                    var scale = sent.Width / 1920.0;
                    results.Add(($"screenshot CDP PNG + decode, resize to {sent}, encode (ours)", await MedianAsync(iterations, async () =>
                        resize(await driver.CaptureBytesAsync(ScreenshotPath.CdpPng, cancellationToken).ConfigureAwait(false), sent), static _ => Task.CompletedTask).ConfigureAwait(false)));
                    results.Add(($"screenshot CDP PNG at model width (clip scale {scale:0.###}, {sent.Width}x{Math.Round(1080 * scale)})", await MedianAsync(iterations,
                        () => driver.CaptureBytesAsync(ScreenshotPath.CdpPng, cancellationToken, scale), static _ => Task.CompletedTask).ConfigureAwait(false)));
                }

                var centre = new ScreenPoint(driver.ScreenSize.Width / 2.0, driver.ScreenSize.Height / 2.0);
                results.Add(("click round trip (incl. settle)", await MedianAsync(iterations,
                    () => driver.ExecuteAsync(new ClickAction(centre.X, centre.Y), cancellationToken), static _ => Task.CompletedTask).ConfigureAwait(false)));
                results.Add(("element facts lookup", await MedianAsync(iterations,
                    () => driver.ElementAtAsync(centre, cancellationToken), static _ => Task.CompletedTask).ConfigureAwait(false)));
            }
        }

        return results;
    }

    private static async Task<double> MedianAsync<T>(int runs, Func<Task<T>> measure, Func<T, Task> cleanup)
    {
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var value = await measure().ConfigureAwait(false);
            times[i] = watch.Elapsed.TotalMilliseconds;
            await cleanup(value).ConfigureAwait(false);
        }

        Array.Sort(times);
        return runs % 2 == 1 ? times[runs / 2] : (times[(runs / 2) - 1] + times[runs / 2]) / 2;
    }
}
