using System.Diagnostics;
using VisualAgent.Actions;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Web;

/// <summary>Medians of the web driver's basic costs on this machine (Stopwatch, N iterations each).</summary>
public static class WebDriverBenchmark
{
    /// <summary>
    /// Measures: Playwright create + browser launch, new page (context + page), 1920x1080 screenshot by each path
    /// (Playwright PNG, CDP PNG, CDP JPEG q80), a click round trip (including settling), an element-facts lookup and,
    /// of it, the check of the element's ranked locators by Playwright's engines, all on <paramref name="url"/>.
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
                // Element facts at the page's first visible button (a role + name the ranking and Playwright both resolve),
                // and, of that, the check of its ranked locators through Playwright's own engines alone.
                var button = await driver.CurrentPage.EvaluateAsync<double[]?>(FirstButtonCentre).ConfigureAwait(false) is [var bx, var by] ? new ScreenPoint(bx, by) : centre;
                results.Add(("element facts lookup (describe, rank, Playwright check)", await MedianAsync(iterations,
                    () => driver.ElementAtAsync(button, cancellationToken), static _ => Task.CompletedTask).ConfigureAwait(false)));
                var raw = RawElement.From(await driver.CurrentPage.EvaluateAsync<System.Text.Json.JsonElement?>(ElementScript.Describe, new[] { button.X, button.Y }).ConfigureAwait(false))
                    ?? throw new InvalidOperationException($"No element at {button} of {url} to check locators of.");
                results.Add(("locator check by Playwright's engines (of the lookup)", await MedianAsync(iterations,
                    () => driver.CheckRankedAsync(driver.CurrentPage, raw, cancellationToken), static _ => Task.CompletedTask).ConfigureAwait(false)));
            }
        }

        return results;
    }

    /// <summary>CSS pixels of the first visible button's centre (the benchmark page is at scale 1), or null.</summary>
    private const string FirstButtonCentre =
        "() => { const b = [...document.querySelectorAll('button')].find(e => e.offsetParent); if (!b) return null; const r = b.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }";

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
