using Microsoft.Playwright;
using VisualAgent.Actions;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Web;

/// <summary>ExecuteAsync: one action in screenshot pixels, raced against native dialogs, then settled.</summary>
public sealed partial class PlaywrightDriver
{
    private const int DragSteps = 12;

    /// <summary>Text up to this long is typed key by key; longer text is inserted in chunks.</summary>
    private const int KeyByKeyLimit = TypeAction.KeyByKeyLimit;

    private const int InsertChunk = 2000;

    /// <inheritdoc />
    public async Task<ActionOutcome> ExecuteAsync(AgentAction action, CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        if (PendingDialog is { } open)
        {
            throw new DriverException($"A {open.Kind.ToString().ToLowerInvariant()} dialog is open (\"{open.Message}\"): answer it before the next action.");
        }

        if (action is DoneAction or AnswerAction)
        {
            return new ActionOutcome { Location = CurrentUrl };
        }

        var started = _time.GetTimestamp();
        ElementFacts? element = null;
        if (_options.DescribeTargets && action.Target is { } target && action is not ScrollAction)
        {
            element = await ElementAtAsync(target, cancellationToken).ConfigureAwait(false);
        }

        var outcome = await RunActionAsync(action.Name, () => PerformAsync(action, cancellationToken), cancellationToken, follow: true).ConfigureAwait(false);
        return outcome with { Element = element, Duration = _time.GetElapsedTime(started) };
    }

    /// <summary>
    /// Runs one browser interaction: a dialog it opens ends the wait at once (the interaction stays blocked until
    /// <see cref="AnswerDialogAsync"/>), else it settles and collects switched pages and downloads. With
    /// <paramref name="follow"/> (a step's own click, key or upload) a page it opens becomes the current page; pages
    /// that open otherwise are reported in the outcome and not followed.
    /// </summary>
    private async Task<ActionOutcome> RunActionAsync(string name, Func<Task> perform, CancellationToken cancellationToken, bool follow = false, bool light = false)
    {
        if (follow)
        {
            Interlocked.Increment(ref _following);
        }

        try
        {
            return await RunActionCoreAsync(name, perform, cancellationToken, light).ConfigureAwait(false) with { OtherPages = follow ? TakeUnfollowedPages() : [] };
        }
        finally
        {
            if (follow)
            {
                Interlocked.Decrement(ref _following);
            }
        }
    }

    private async Task<ActionOutcome> RunActionCoreAsync(string name, Func<Task> perform, CancellationToken cancellationToken, bool light)
    {
        var signal = CurrentDialogSignal();
        ResetRecentDownloads();
        lock (_gate)
        {
            _switched = false;
        }

        var started = _time.GetTimestamp();
        var page = CurrentPage;
        var act = perform();
        var first = await Task.WhenAny(act, signal.Task, Task.Delay(TimeSpan.FromMilliseconds(_options.NavigationTimeoutMs), _time, cancellationToken)).ConfigureAwait(false);
        // Input waits for the renderer: an action still running after the page's time limit on a page that answers
        // nothing else means the page hung; a page that still answers is given until the run's own limits.
        while (first != act && first != signal.Task)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await AnswersAsync(page).ConfigureAwait(false))
            {
                Observe(act);
                throw await TimedOutAsync(page, $"The {name} action", new TimeoutException()).ConfigureAwait(false);
            }

            first = await Task.WhenAny(act, signal.Task, Task.Delay(TimeSpan.FromMilliseconds(_options.NavigationTimeoutMs), _time, cancellationToken)).ConfigureAwait(false);
        }
        if (first != act)
        {
            lock (_gate)
            {
                _blockedAction = act;
            }

            Observe(act);
            return new ActionOutcome { Dialog = PendingDialog, Location = CurrentUrl };
        }

        try
        {
            await act.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            throw Wrap($"The {name} action", ex);
        }

        if (light)
        {
            await LightSettleAsync(signal.Task, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await SettleAsync(signal.Task, cancellationToken).ConfigureAwait(false);
        }

        var downloads = await CollectDownloadsAsync(cancellationToken).ConfigureAwait(false);
        bool switched;
        lock (_gate)
        {
            switched = _switched;
        }

        if (switched)
        {
            await MeasureViewportAsync(CurrentPage, cancellationToken).ConfigureAwait(false);
        }

        DriverLog.ActionDone(_logger, name, _time.GetElapsedTime(started).TotalMilliseconds);
        return new ActionOutcome { Dialog = PendingDialog, Downloads = downloads, DownloadProblems = TakeDownloadProblems(), SwitchedPage = switched, Location = CurrentUrl };
    }

    private Task PerformAsync(AgentAction action, CancellationToken cancellationToken) => action switch
    {
        ClickAction c => ClickAsync(c),
        MoveAction m => MoveToAsync(Css(m.X, m.Y)),
        DragAction d => DragAsync(Css(d.X, d.Y), Css(d.X2, d.Y2)),
        LongPressAction l => LongPressAsync(Css(l.X, l.Y), l.Seconds, cancellationToken),
        ScrollAction s => ScrollAsync(s),
        TypeAction t => TypeAsync(t),
        KeyAction k => CurrentPage.Keyboard.PressAsync(KeyNames.ToChord(k.Keys)),
        SelectAction s => SelectAsync(s, cancellationToken),
        WaitAction w => Task.Delay(TimeSpan.FromSeconds(Math.Clamp(w.Seconds, 0, 600)), _time, cancellationToken),
        _ => throw new DriverException($"The web driver cannot perform '{action.Name}'."),
    };

    /// <summary>Screenshot pixels to CSS pixels of the current page (the conversion itself is in <see cref="CoordinateMapper"/>).</summary>
    private CssPoint Css(double x, double y) => CoordinateMapper.ToCss(new ScreenPoint(x, y), _dsf, _viewportWidth, _viewportHeight);

    private Task ClickAsync(ClickAction click)
    {
        var p = Css(click.X, click.Y);
        var button = click.Button switch
        {
            Actions.MouseButton.Right => Microsoft.Playwright.MouseButton.Right,
            Actions.MouseButton.Middle => Microsoft.Playwright.MouseButton.Middle,
            _ => Microsoft.Playwright.MouseButton.Left,
        };
        _pointerPlaced = true;
        return CurrentPage.Mouse.ClickAsync((float)p.X, (float)p.Y, new() { Button = button, ClickCount = Math.Clamp(click.Count, 1, 3) });
    }

    private Task MoveToAsync(CssPoint p)
    {
        _pointerPlaced = true;
        return CurrentPage.Mouse.MoveAsync((float)p.X, (float)p.Y);
    }

    private async Task DragAsync(CssPoint from, CssPoint to)
    {
        var mouse = CurrentPage.Mouse;
        _pointerPlaced = true;
        await mouse.MoveAsync((float)from.X, (float)from.Y).ConfigureAwait(false);
        await mouse.DownAsync().ConfigureAwait(false);
        // A few small moves first so pages that wait for a drag threshold (~4 px) see a drag start, then the path.
        await mouse.MoveAsync((float)from.X, (float)(from.Y + (to.Y >= from.Y ? 5 : -5))).ConfigureAwait(false);
        await mouse.MoveAsync((float)to.X, (float)to.Y, new() { Steps = DragSteps }).ConfigureAwait(false);
        await mouse.UpAsync().ConfigureAwait(false);
    }

    private async Task LongPressAsync(CssPoint p, double seconds, CancellationToken cancellationToken)
    {
        var mouse = CurrentPage.Mouse;
        _pointerPlaced = true;
        await mouse.MoveAsync((float)p.X, (float)p.Y).ConfigureAwait(false);
        await mouse.DownAsync().ConfigureAwait(false);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 60)), _time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await mouse.UpAsync().ConfigureAwait(false);
        }
    }

    private async Task ScrollAsync(ScrollAction scroll)
    {
        if (scroll.Target is { } target)
        {
            await MoveToAsync(Css(target.X, target.Y)).ConfigureAwait(false);
        }
        else if (!_pointerPlaced)
        {
            await MoveToAsync(new CssPoint(_viewportWidth / 2.0, _viewportHeight / 2.0)).ConfigureAwait(false);
        }

        await CurrentPage.Mouse.WheelAsync((float)scroll.Dx, (float)scroll.Dy).ConfigureAwait(false);
    }

    /// <summary>
    /// Short text is typed key by key (pages that listen to key events see them); longer text is inserted in chunks, one
    /// input event per chunk, so its cost grows with its length and not with length times the page's work per keystroke
    /// (20,000 characters took 79 s key by key). A line break is the Enter key either way.
    /// </summary>
    private async Task TypeAsync(TypeAction type)
    {
        var keyboard = CurrentPage.Keyboard;
        if (type.Text.Length <= KeyByKeyLimit)
        {
            await keyboard.TypeAsync(type.Text).ConfigureAwait(false);
        }
        else if ((await FocusedAsync().ConfigureAwait(false))?.Tag == "textarea")
        {
            // In a text area a line break is text: the whole of it goes in chunks.
            foreach (var chunk in Chunks(type.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), InsertChunk))
            {
                await keyboard.InsertTextAsync(chunk).ConfigureAwait(false);
            }
        }
        else
        {
            var lines = type.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    await keyboard.PressAsync("Enter").ConfigureAwait(false);
                }

                foreach (var chunk in Chunks(lines[i], InsertChunk))
                {
                    await keyboard.InsertTextAsync(chunk).ConfigureAwait(false);
                }
            }
        }

        if (type.Submit)
        {
            await keyboard.PressAsync("Enter").ConfigureAwait(false);
        }
    }

    /// <summary>Pieces of at most <paramref name="size"/> chars, never splitting a surrogate pair.</summary>
    internal static IEnumerable<string> Chunks(string text, int size)
    {
        for (var start = 0; start < text.Length;)
        {
            var length = Math.Min(size, text.Length - start);
            if (length < text.Length - start && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            yield return text.Substring(start, length);
            start += length;
        }
    }
}
