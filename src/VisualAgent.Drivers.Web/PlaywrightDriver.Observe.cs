using System.Text.Json;
using Microsoft.Playwright;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Web;

/// <summary>Observing: screenshots, element facts and the accessibility snapshot.</summary>
public sealed partial class PlaywrightDriver
{
    /// <summary>The accessibility snapshot is cut here (a page of 200,000 elements gives megabytes).</summary>
    private const int MaxSnapshotChars = 200_000;

    /// <summary>The capture path used by <see cref="CaptureAsync"/> (CDP measured faster here; see WebDriverBenchmark).</summary>
    internal ScreenshotPath CapturePath { get; set; } = ScreenshotPath.CdpPng;

    /// <inheritdoc />
    public async Task<Screenshot> CaptureAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        ThrowIfDialogOpen("take a screenshot");
        var page = CurrentPage;
        var png = await CaptureBytesAsync(CapturePath, cancellationToken).ConfigureAwait(false);
        var size = PngHeader.ReadSize(png);
        return new Screenshot
        {
            Png = png,
            Size = size,
            DeviceScaleFactor = _dsf,
            ScrollHeight = size.Height / Math.Max(0.1, _dsf),
            CapturedAt = _time.GetUtcNow(),
            Location = page.Url,
        };
    }

    /// <summary>The viewport as PNG (lossless) or JPEG bytes by the given path; <paramref name="scale"/> (device pixels
    /// per CSS pixel, CDP paths only) captures at another size than the screen's, e.g. the size a model is sent.</summary>
    internal async Task<byte[]> CaptureBytesAsync(ScreenshotPath path, CancellationToken cancellationToken, double? scale = null)
    {
        var page = CurrentPage;
        try
        {
            if (path != ScreenshotPath.Playwright)
            {
                try
                {
                    var session = await CdpSessionAsync(page).ConfigureAwait(false);
                    // A CDP session of its own does not see Playwright's device-scale emulation: clip the visible
                    // viewport (document coordinates) and scale it to device pixels explicitly, as Playwright does.
                    var metrics = await session.SendAsync("Page.getLayoutMetrics").WaitAsync(TimeSpan.FromMilliseconds(_options.NavigationTimeoutMs), _time, cancellationToken).ConfigureAwait(false);
                    var viewport = metrics!.Value.GetProperty("cssVisualViewport");
                    var args = new Dictionary<string, object>
                    {
                        ["format"] = path == ScreenshotPath.CdpJpeg ? "jpeg" : "png",
                        ["clip"] = new Dictionary<string, object>
                        {
                            ["x"] = viewport.GetProperty("pageX").GetDouble(),
                            ["y"] = viewport.GetProperty("pageY").GetDouble(),
                            ["width"] = _viewportWidth,
                            ["height"] = _viewportHeight,
                            ["scale"] = scale ?? _dsf,
                        },
                    };
                    if (path == ScreenshotPath.CdpJpeg)
                    {
                        args["quality"] = 80;
                    }

                    var reply = await session.SendAsync("Page.captureScreenshot", args).WaitAsync(TimeSpan.FromMilliseconds(_options.NavigationTimeoutMs), _time, cancellationToken).ConfigureAwait(false);
                    if (reply is { } json && json.TryGetProperty("data", out var data))
                    {
                        return Convert.FromBase64String(data.GetString() ?? "");
                    }
                }
                catch (PlaywrightException ex)
                {
                    DriverLog.CdpCaptureFailed(_logger, NavigationErrors.FirstLine(ex.Message));
                    CapturePath = ScreenshotPath.Playwright;
                }
            }

            return await page.ScreenshotAsync(new() { Type = ScreenshotType.Png, Timeout = _options.NavigationTimeoutMs })
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PlaywrightException ex)
        {
            throw Wrap("Taking a screenshot", ex);
        }
        catch (TimeoutException ex)
        {
            throw await TimedOutAsync(page, "Taking a screenshot", ex).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<ElementFacts?> ElementAtAsync(ScreenPoint point, CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        ThrowIfDialogOpen("describe an element");
        CssPoint css;
        try
        {
            css = Css(point.X, point.Y);
        }
        catch (DriverException)
        {
            return null;
        }

        var page = CurrentPage;
        try
        {
            var json = await page.EvaluateAsync<JsonElement?>(ElementScript.Describe, new[] { css.X, css.Y })
                .WaitAsync(TimeSpan.FromMilliseconds(_options.NavigationTimeoutMs), _time, cancellationToken).ConfigureAwait(false);
            var raw = RawElement.From(json);
            if (raw is null)
            {
                return null;
            }

            var ranked = await CheckRankedAsync(page, raw, cancellationToken).ConfigureAwait(false);
            return (raw with { Locators = ranked }).ToFacts(_dsf);
        }
        catch (PlaywrightException ex)
        {
            throw Wrap($"Describing the element at {point}", ex);
        }
        catch (TimeoutException ex)
        {
            throw await TimedOutAsync(page, $"Describing the element at {point}", ex).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<string?> AccessibilitySnapshotAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        ThrowIfDialogOpen("read the accessibility tree");
        try
        {
            var snapshot = await CurrentPage.Locator("body").AriaSnapshotAsync(new() { Timeout = _options.NavigationTimeoutMs })
                .WaitAsync(TimeSpan.FromMilliseconds(_options.NavigationTimeoutMs), _time, cancellationToken).ConfigureAwait(false);
            return snapshot.Length <= MaxSnapshotChars ? snapshot : snapshot[..MaxSnapshotChars] + $"\n# ... cut at {MaxSnapshotChars} characters of {snapshot.Length}";
        }
        catch (PlaywrightException ex)
        {
            throw Wrap("Reading the accessibility tree", ex);
        }
        catch (TimeoutException ex)
        {
            throw new DriverException($"Reading the accessibility tree of {CurrentUrl} took longer than {_options.NavigationTimeoutMs} ms (a giant or hung page).", ex);
        }
    }

    private async Task<ICDPSession> CdpSessionAsync(IPage page)
    {
        if (_cdp is not null && _cdpPage == page)
        {
            return _cdp;
        }

        _cdp = await _context.NewCDPSessionAsync(page).ConfigureAwait(false);
        _cdpPage = page;
        return _cdp;
    }

    private void ThrowIfDialogOpen(string what)
    {
        if (PendingDialog is { } open)
        {
            throw new DriverException($"Cannot {what} while a {open.Kind.ToString().ToLowerInvariant()} dialog is open (\"{open.Message}\"): answer it first.");
        }
    }
}
