using Microsoft.Playwright;
using VisualAgent.Actions;
using VisualAgent.Errors;

namespace VisualAgent.Drivers.Web;

/// <summary>Actions back to back with one settle, full or light (replay: the caller reads the effect back itself).</summary>
public sealed partial class PlaywrightDriver : IActionBatch
{
    /// <inheritdoc />
    public async Task<ActionOutcome> ExecuteBatchAsync(IReadOnlyList<AgentAction> actions, ActionSettle settle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ThrowIfUnusable();
        if (PendingDialog is { } open)
        {
            throw new DriverException($"A {open.Kind.ToString().ToLowerInvariant()} dialog is open (\"{open.Message}\"): answer it before the next action.");
        }

        if (actions.Count == 0 || actions.Any(a => a is DoneAction or AnswerAction or WaitAction))
        {
            throw new DriverException("A batch holds one or more input actions (no done, answer or wait).");
        }

        await MarkShownBeforeAsync(actions, cancellationToken).ConfigureAwait(false);
        var started = _time.GetTimestamp();
        var name = string.Join('+', actions.Select(a => a.Name));
        var dialog = CurrentDialogSignal().Task;
        var outcome = await RunActionAsync(name, async () =>
        {
            foreach (var action in actions)
            {
                // A dialog that opened stops the batch: what follows (typing) must not go wherever the focus is after it.
                if (dialog.IsCompleted || PendingDialog is not null)
                {
                    return;
                }

                await PerformAsync(action, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken, follow: true, light: settle == ActionSettle.Light).ConfigureAwait(false);
        return outcome with { Duration = _time.GetElapsedTime(started) };
    }

    /// <inheritdoc />
    public Task SettleAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        return SettleAsync(CurrentDialogSignal().Task, cancellationToken);
    }

    /// <summary>The light settle: the current document has loaded and no request is in flight (bounded by SettleTimeoutMs).</summary>
    private async Task LightSettleAsync(Task dialogOpened, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (!dialogOpened.IsCompleted)
        {
            var remaining = _options.SettleTimeoutMs - _time.GetElapsedTime(started).TotalMilliseconds;
            if (remaining <= 0)
            {
                DriverLog.SettleTimedOut(_logger, _options.SettleTimeoutMs);
                return;
            }

            var page = CurrentPage;
            try
            {
                await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new() { Timeout = (float)remaining }).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                // The settle is bounded, never a failure of its own (Playwright reports its own timeout as a
                // System.TimeoutException): the caller reads the effect back and settles fully before a step fails.
                DriverLog.SettleIgnored(_logger, NavigationErrors.FirstLine(ex.Message));
            }

            if (page == CurrentPage && InflightRequests == 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
