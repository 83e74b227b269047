using System.Text.Json;
using Microsoft.Playwright;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Web;

/// <summary>Navigation, script evaluation, select and upload.</summary>
public sealed partial class PlaywrightDriver
{
    private const string OptionIndexScript = """
        (el, option) => {
          const want = option.trim().toLowerCase();
          const opts = Array.from(el.options);
          let i = opts.findIndex(o => o.label.trim().toLowerCase() === want);
          if (i < 0) i = opts.findIndex(o => o.value.trim().toLowerCase() === want);
          if (i < 0) i = opts.findIndex(o => o.label.trim().toLowerCase().includes(want));
          return i;
        }
        """;

    /// <inheritdoc />
    public async Task NavigateAsync(string url, CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "file" or "about" or "data"))
        {
            throw new UsageException($"'{url}' is not an http, https or file URL. Write it in full, e.g. https://example.com/ or file:///path/page.html.");
        }

        DriverLog.Navigating(_logger, url);
        _markPending = true;
        await RunActionAsync("navigate", async () =>
        {
            try
            {
                await CurrentPage.GotoAsync(url, new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = _options.NavigationTimeoutMs }).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                throw NavigationErrors.Describe(url, ex, _options.NavigationTimeoutMs);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task GoBackAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        _markPending = true;
        await RunActionAsync("go back", () => CurrentPage.GoBackAsync(new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = _options.NavigationTimeoutMs }), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<string> EvaluateAsync(string expression, CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        ThrowIfDialogOpen("evaluate a script");
        try
        {
            // Through a handle so the JSON is the page's own JSON.stringify (Playwright's serializer adds "$id" keys).
            var json = await EvaluateJsonAsync(CurrentPage, expression)
                .WaitAsync(TimeSpan.FromMilliseconds(_options.NavigationTimeoutMs), _time, cancellationToken).ConfigureAwait(false);
            return json;
        }
        catch (PlaywrightException ex)
        {
            throw Wrap("Evaluating the script", ex);
        }
        catch (TimeoutException ex)
        {
            throw new DriverException($"The script did not finish within {_options.NavigationTimeoutMs} ms on {CurrentUrl}.", ex);
        }
    }

    private static async Task<string> EvaluateJsonAsync(IPage page, string expression)
    {
        var handle = await page.EvaluateHandleAsync(expression).ConfigureAwait(false);
        await using (handle.ConfigureAwait(false))
        {
            return await handle.EvaluateAsync<string?>("v => JSON.stringify(v)").ConfigureAwait(false) ?? "null";
        }
    }

    /// <inheritdoc />
    public async Task<ActionOutcome> UploadAsync(ScreenPoint point, IReadOnlyList<string> files, CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        var missing = files.FirstOrDefault(f => !File.Exists(f));
        if (missing is not null)
        {
            throw new UsageException($"The file to upload '{missing}' does not exist.");
        }

        var p = Css(point.X, point.Y);
        await MarkShownBeforeAsync([new Actions.ClickAction(point.X, point.Y)], cancellationToken).ConfigureAwait(false);
        var started = _time.GetTimestamp();
        var outcome = await RunActionAsync("upload", async () =>
        {
            var page = CurrentPage;
            try
            {
                var chooser = await page.RunAndWaitForFileChooserAsync(
                    () => page.Mouse.ClickAsync((float)p.X, (float)p.Y),
                    new() { Timeout = Math.Min(5000, _options.NavigationTimeoutMs) }).ConfigureAwait(false);
                await chooser.SetFilesAsync(files.Select(Path.GetFullPath)).ConfigureAwait(false);
            }
            catch (TimeoutException ex)
            {
                throw new DriverException($"Clicking {point} did not open a file chooser. Ground the file input or its Browse/Upload button.", ex);
            }
        }, cancellationToken, follow: true).ConfigureAwait(false);
        return outcome with { Duration = _time.GetElapsedTime(started) };
    }

    /// <summary>A &lt;select&gt; gets the option by label or value; anything else is clicked open and the option's text clicked.</summary>
    private async Task SelectAsync(Actions.SelectAction select, CancellationToken cancellationToken)
    {
        var p = Css(select.X, select.Y);
        var page = CurrentPage;
        var handle = await page.EvaluateHandleAsync(DeepElementScript, new[] { p.X, p.Y }).ConfigureAwait(false);
        await using (handle.ConfigureAwait(false))
        {
            if (handle.AsElement() is { } element
                && string.Equals(await element.EvaluateAsync<string>("e => e.tagName").ConfigureAwait(false), "SELECT", StringComparison.Ordinal))
            {
                var index = await element.EvaluateAsync<int>(OptionIndexScript, select.Option).ConfigureAwait(false);
                if (index < 0)
                {
                    throw new DriverException($"The list at {new ScreenPoint(select.X, select.Y)} has no option '{select.Option}'.");
                }

                await element.SelectOptionAsync(new SelectOptionValue { Index = index }).ConfigureAwait(false);
                return;
            }
        }

        await page.Mouse.ClickAsync((float)p.X, (float)p.Y).ConfigureAwait(false);
        await SettleAsync(CurrentDialogSignal().Task, cancellationToken).ConfigureAwait(false);
        var option = page.GetByRole(AriaRole.Option, new() { Name = select.Option, Exact = true })
            .Or(page.GetByText(select.Option, new() { Exact = true })).Locator("visible=true").First;
        try
        {
            await option.ClickAsync(new() { Timeout = Math.Min(5000, _options.NavigationTimeoutMs) }).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new DriverException($"After opening the list at {new ScreenPoint(select.X, select.Y)}, no visible option '{select.Option}' appeared.", ex);
        }
    }

    private const string DeepElementScript = """
        ([x, y]) => {
          let doc = document, cx = x, cy = y;
          for (;;) {
            let el = doc.elementFromPoint(cx, cy);
            if (!el) return null;
            while (el.shadowRoot) { const inner = el.shadowRoot.elementFromPoint(cx, cy); if (!inner || inner === el) break; el = inner; }
            if (el.tagName === 'IFRAME') {
              let inner = null; try { inner = el.contentDocument; } catch { inner = null; }
              if (inner) { const r = el.getBoundingClientRect(); cx -= r.left + el.clientLeft; cy -= r.top + el.clientTop; doc = inner; continue; }
            }
            if (el.tagName === 'OPTION' && el.parentElement) el = el.closest('select') || el;
            if (el.tagName === 'LABEL' && el.control) el = el.control;
            return el;
          }
        }
        """;
}
