using Microsoft.Playwright;

namespace VisualAgent.Drivers.Web;

/// <summary>
/// Settling after an action: the page has loaded its DOM, no request is in flight and the DOM has been quiet for
/// <see cref="BrowserOptions.SettleQuietMs"/> — or <see cref="BrowserOptions.SettleTimeoutMs"/> passed, or a dialog
/// opened. It never hangs and never fails the action.
/// </summary>
public sealed partial class PlaywrightDriver
{
    private const string QuietScript = """
        ([quietMs, maxMs]) => new Promise(resolve => {
          const start = performance.now();
          let last = start;
          const mo = new MutationObserver(() => { last = performance.now(); });
          mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
          const tick = () => {
            const now = performance.now();
            if ((now - last >= quietMs && document.readyState !== 'loading') || now - start >= maxMs) { mo.disconnect(); resolve(now - start); }
            else setTimeout(tick, Math.min(20, quietMs));
          };
          setTimeout(tick, Math.min(20, quietMs));
        })
        """;

    private async Task SettleAsync(Task dialogOpened, CancellationToken cancellationToken)
    {
        if (_options.SettleTimeoutMs == 0)
        {
            return;
        }

        var started = _time.GetTimestamp();
        using var bound = new CancellationTokenSource(TimeSpan.FromMilliseconds(_options.SettleTimeoutMs), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(bound.Token, cancellationToken);
        var work = SettleCoreAsync(started, linked.Token);
        var finished = await Task.WhenAny(work, dialogOpened, Task.Delay(Timeout.Infinite, linked.Token)).ConfigureAwait(false);
        if (finished != work)
        {
            Observe(work);
            cancellationToken.ThrowIfCancellationRequested();
            if (finished != dialogOpened)
            {
                DriverLog.SettleTimedOut(_logger, _options.SettleTimeoutMs);
            }
        }
    }

    private async Task SettleCoreAsync(long started, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var remaining = _options.SettleTimeoutMs - _time.GetElapsedTime(started).TotalMilliseconds;
            if (remaining <= 0)
            {
                return;
            }

            var page = CurrentPage;
            try
            {
                await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new() { Timeout = (float)remaining }).ConfigureAwait(false);
                await page.EvaluateAsync<double>(QuietScript, new[] { (double)_options.SettleQuietMs, remaining }).ConfigureAwait(false);
            }
            catch (PlaywrightException ex)
            {
                // A navigation replaced the document mid-check, or the page closed: look again at the current page.
                DriverLog.SettleIgnored(_logger, NavigationErrors.FirstLine(ex.Message));
                await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (page == CurrentPage && InflightRequests == 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
