using Microsoft.Playwright;
using VisualAgent.Errors;

namespace VisualAgent.Drivers.Web;

/// <summary>Page events: new tabs and pop-ups, closing, crashes, in-flight requests and native dialogs.</summary>
public sealed partial class PlaywrightDriver
{
    private readonly HashSet<IRequest> _inflight = [];
    private readonly List<IPage> _unfollowed = [];
    private readonly HashSet<IPage> _reportedPages = [];
    private int _following;
    private IDialog? _dialog;
    private NativeDialog? _pendingDialog;
    private TaskCompletionSource<NativeDialog> _dialogSignal = NewDialogSignal();
    private Task? _blockedAction;

    /// <inheritdoc />
    public NativeDialog? PendingDialog
    {
        get
        {
            lock (_gate)
            {
                return _pendingDialog;
            }
        }
    }

    /// <summary>Requests the pages of this driver have started and not finished.</summary>
    internal int InflightRequests
    {
        get
        {
            lock (_gate)
            {
                return _inflight.Count;
            }
        }
    }

    /// <inheritdoc />
    public async Task AnswerDialogAsync(bool accept, string? promptText = null, CancellationToken cancellationToken = default)
    {
        IDialog dialog;
        Task? blocked;
        lock (_gate)
        {
            dialog = _dialog ?? throw new DriverException("No dialog is open, so there is nothing to answer.");
            blocked = _blockedAction;
            _dialog = null;
            _pendingDialog = null;
            _blockedAction = null;
            _dialogSignal = NewDialogSignal();
        }

        // The action the dialog interrupted was a step's: a page it opens once answered is followed.
        Interlocked.Increment(ref _following);
        try
        {
            try
            {
                await (accept ? dialog.AcceptAsync(promptText) : dialog.DismissAsync()).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PlaywrightException ex)
            {
                throw Wrap("Answering the dialog", ex);
            }

            var signal = CurrentDialogSignal();
            if (blocked is not null)
            {
                // The action the dialog interrupted can now finish; it may open the next dialog instead.
                await Task.WhenAny(blocked, signal.Task, Task.Delay(TimeSpan.FromMilliseconds(Math.Max(500, _options.SettleTimeoutMs)), _time, cancellationToken)).ConfigureAwait(false);
                if (blocked.IsFaulted)
                {
                    DriverLog.BlockedActionEnded(_logger, blocked.Exception?.InnerException?.Message ?? "");
                }
            }

            await SettleAsync(signal.Task, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _following);
        }
    }

    private static TaskCompletionSource<NativeDialog> NewDialogSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TaskCompletionSource<NativeDialog> CurrentDialogSignal()
    {
        lock (_gate)
        {
            return _dialogSignal;
        }
    }

    private void Attach(IPage page)
    {
        page.FrameNavigated += OnFrameNavigated;
        page.Dialog += OnDialog;
        page.Download += OnDownload;
        page.Crash += OnCrash;
        page.Close += OnPageClose;
        // Listening from the start turns file-chooser interception on before any click (Playwright enables it
        // without waiting for a reply when the first listener is added, which races a click made right after).
        page.FileChooser += OnFileChooser;
    }

    private void OnFileChooser(object? sender, IFileChooser chooser)
    {
        // UploadAsync waits for the chooser itself; a chooser opened by a plain click stays closed (a native file
        // dialog cannot be driven anyway).
    }

    private void OnFrameNavigated(object? sender, IFrame frame)
    {
        if (frame.ParentFrame is null && frame.Page == CurrentPage)
        {
            Interlocked.Increment(ref _navigationCount);
        }
    }

    /// <summary>
    /// A new tab or pop-up. One that a step's own action opened (a click on a target=_blank link) is followed; one the
    /// page opened by itself (on load, on a timer) is only recorded (<see cref="ActionOutcome.OtherPages"/>): the agent
    /// stays on its page, and a dialog that page shows is dismissed.
    /// </summary>
    private void OnNewPage(object? sender, IPage page)
    {
        Attach(page);
        lock (_gate)
        {
            if (_following == 0)
            {
                _unfollowed.Add(page);
                DriverLog.PageNotFollowed(_logger, page.Url);
                return;
            }

            _page = page;
            _switched = true;
            _pointerPlaced = false;
        }

        Interlocked.Increment(ref _pageCount);
        DriverLog.SwitchedPage(_logger, page.Url);
    }

    /// <summary>The pages opened by themselves since the last call, by URL (reported once each).</summary>
    private string[] TakeUnfollowedPages()
    {
        lock (_gate)
        {
            var urls = _unfollowed.Where(p => !_reportedPages.Contains(p)).Select(p => p.Url).ToArray();
            foreach (var p in _unfollowed)
            {
                _reportedPages.Add(p);
            }

            _unfollowed.Clear();
            return urls;
        }
    }

    private void OnPageClose(object? sender, IPage page)
    {
        lock (_gate)
        {
            if (_page != page)
            {
                return;
            }

            // A pop-up closed itself: go back to the newest page still open.
            var next = _context.Pages.LastOrDefault(p => !p.IsClosed && p != page);
            if (next is not null)
            {
                _page = next;
                _switched = true;
            }
        }
    }

    private void OnCrash(object? sender, IPage page)
    {
        lock (_gate)
        {
            _crashed |= page == _page;
        }

        DriverLog.PageCrashed(_logger, page.Url);
    }

    private void OnRequestStarted(object? sender, IRequest request)
    {
        lock (_gate)
        {
            _inflight.Add(request);
            _requestCount++;
        }
    }

    private void OnRequestEnded(object? sender, IRequest request)
    {
        lock (_gate)
        {
            _inflight.Remove(request);
        }
    }

    private void OnDialog(object? sender, IDialog dialog)
    {
        if (dialog.Page is { } from && from != CurrentPage && IsUnfollowed(from))
        {
            // A pop-up the agent did not follow cannot hold the agent's page hostage with a dialog.
            DriverLog.DialogOfOtherPage(_logger, dialog.Message, from.Url);
            Observe(dialog.DismissAsync());
            return;
        }

        Interlocked.Increment(ref _dialogCount);
        var kind = dialog.Type switch
        {
            DialogType.Confirm => NativeDialogKind.Confirm,
            DialogType.Prompt => NativeDialogKind.Prompt,
            DialogType.BeforeUnload => NativeDialogKind.BeforeUnload,
            _ => NativeDialogKind.Alert,
        };
        var native = new NativeDialog(kind, dialog.Message, kind == NativeDialogKind.Prompt ? dialog.DefaultValue : null);
        TaskCompletionSource<NativeDialog> signal;
        lock (_gate)
        {
            _dialog = dialog;
            _pendingDialog = native;
            signal = _dialogSignal;
        }

        DriverLog.DialogOpened(_logger, kind.ToString(), dialog.Message);
        signal.TrySetResult(native);
        Observe(DismissUnansweredAsync(dialog, kind));
    }

    private bool IsUnfollowed(IPage page)
    {
        lock (_gate)
        {
            return _unfollowed.Contains(page) || _reportedPages.Contains(page);
        }
    }

    private async Task DismissUnansweredAsync(IDialog dialog, NativeDialogKind kind)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(_options.DialogTimeoutMs), _time, _disposed.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (_gate)
        {
            if (_dialog != dialog)
            {
                return;
            }

            _dialog = null;
            _pendingDialog = null;
            _dialogSignal = NewDialogSignal();
        }

        DriverLog.DialogTimedOut(_logger, kind.ToString(), _options.DialogTimeoutMs);
        await dialog.DismissAsync().ConfigureAwait(false);
    }
}
