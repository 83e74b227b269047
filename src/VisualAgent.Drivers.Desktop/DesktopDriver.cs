using System.Diagnostics;
using VisualAgent.Actions;
using VisualAgent.Drivers.Desktop.X11;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Desktop;

/// <summary>
/// The Linux desktop driver: pixels (XGetImage of the whole screen) and input (XTEST) on an X display, windows (list,
/// focus, bounds, launch and wait), and — when an accessibility bus is there — the AT-SPI element tree for grounding
/// and checks (<see cref="IElementQuery"/>). Screenshot pixels are display pixels (scale 1). Without an accessibility
/// bus it is pixels only and <see cref="AccessibilityStatus"/> says why.
/// </summary>
public sealed partial class DesktopDriver : IUiDriver, IActivityMonitor
{
    private readonly XDisplay _display;
    private readonly XInput _input;
    private readonly XWindows _windows;
    private readonly DesktopOptions _options;
    private readonly TimeProvider _time;
    private readonly HashSet<long> _windowsSeen = [];
    private long _windowsOpened;

    private DesktopDriver(XDisplay display, DesktopOptions options, TimeProvider time)
    {
        _display = display;
        _options = options;
        _time = time;
        _windows = new XWindows(display);
        _input = new XInput(display, time) { EventGap = options.EventGap };
        foreach (var w in _windows.List())
        {
            _windowsSeen.Add(w.Id);
        }
    }

    /// <summary>The display's name (":99").</summary>
    public string Display => _display.Name;

    /// <summary>The X connection (benchmarks measure below the driver's pacing).</summary>
    internal XDisplay Connection => _display;

    /// <summary>The display's true size in pixels.</summary>
    public PixelSize ScreenSize => _display.Size;

    /// <summary>Opens the display (option, else DISPLAY) and, unless turned off, the accessibility tree.</summary>
    public static DesktopDriver Open(DesktopOptions? options = null, TimeProvider? time = null)
    {
        options ??= new DesktopOptions();
        options.Validate();
        var display = XDisplay.Open(options.Display);
        try
        {
            var driver = new DesktopDriver(display, options, time ?? TimeProvider.System);
            driver.OpenAccessibility();
            return driver;
        }
        catch
        {
            display.Dispose();
            throw;
        }
    }

    /// <summary>The viewable top-level windows, bottom of the stack first.</summary>
    public IReadOnlyList<DesktopWindow> Windows() => _windows.List();

    /// <summary>Raises the window and gives it the keyboard focus.</summary>
    public void Focus(DesktopWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (_windows.List().All(w => w.Id != window.Id))
        {
            throw new DriverException($"The window {window} is gone.");
        }

        _windows.Focus(window.Id);
    }

    /// <summary>
    /// Starts <paramref name="command"/> (through /bin/sh, on this display) and waits for a new window — its own when it
    /// sets _NET_WM_PID — for at most <see cref="DesktopOptions.LaunchTimeout"/>; the error names the command.
    /// </summary>
    public async Task<LaunchedApp> LaunchAsync(string command, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var before = _windows.List().Select(w => w.Id).ToHashSet();
        var app = LaunchedApp.Start(command, _display.Name);
        var limit = timeout ?? _options.LaunchTimeout;
        var started = _time.GetTimestamp();
        try
        {
            while (true)
            {
                var fresh = _windows.List().Where(w => !before.Contains(w.Id) && !w.Popup).ToList();
                var window = fresh.LastOrDefault(w => app.Owns(w.ProcessId)) ?? fresh.LastOrDefault();
                if (window is not null)
                {
                    app.Window = window;
                    await Task.Delay(_options.SettleAfterAction, _time, cancellationToken).ConfigureAwait(false);
                    return app;
                }

                if (app.HasExited)
                {
                    throw new DriverException($"\"{command}\" exited (code {app.ExitCode}) without opening a window{Tail(app)}.");
                }

                if (_time.GetElapsedTime(started) >= limit)
                {
                    throw new DriverException($"\"{command}\" opened no window within {limit.TotalSeconds:0.#} s on the display {_display.Name}{Tail(app)}.");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        static string Tail(LaunchedApp app) => app.ErrorTail() is { Length: > 0 } tail ? $"; it said: {tail}" : "";
    }

    public Task<Screenshot> CaptureAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(XScreenCapture.Capture(_display, _time, Location()));
    }

    public async Task<ActionOutcome> ExecuteAsync(AgentAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var started = Stopwatch.GetTimestamp();
        var settle = true;
        switch (action)
        {
            case ClickAction c:
                await _input.ClickAsync(new ScreenPoint(c.X, c.Y), c.Button, c.Count, cancellationToken).ConfigureAwait(false);
                break;
            case MoveAction m:
                await _input.MoveAsync(new ScreenPoint(m.X, m.Y), cancellationToken).ConfigureAwait(false);
                break;
            case DragAction g:
                await _input.DragAsync(new ScreenPoint(g.X, g.Y), new ScreenPoint(g.X2, g.Y2), cancellationToken).ConfigureAwait(false);
                break;
            case LongPressAction l:
                await _input.PressAsync(new ScreenPoint(l.X, l.Y), TimeSpan.FromSeconds(Math.Clamp(l.Seconds, 0, 30)), cancellationToken).ConfigureAwait(false);
                break;
            case ScrollAction s:
                await _input.ScrollAsync(s.X is { } x && s.Y is { } y ? new ScreenPoint(x, y) : null, s.Dx, s.Dy, cancellationToken).ConfigureAwait(false);
                break;
            case TypeAction t:
                await _input.TypeAsync(t.Text, cancellationToken).ConfigureAwait(false);
                if (t.Submit)
                {
                    await _input.ChordAsync(["enter"], cancellationToken).ConfigureAwait(false);
                }

                break;
            case KeyAction k:
                await _input.ChordAsync(k.Keys, cancellationToken).ConfigureAwait(false);
                break;
            case WaitAction w:
                await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(w.Seconds, 0, 300)), _time, cancellationToken).ConfigureAwait(false);
                settle = false;
                break;
            case SelectAction:
                throw new DriverException("A desktop drop-down is chosen from by clicking it and then its item; the select action is for web <select> lists.");
            case DoneAction or AnswerAction:
                settle = false;
                break;
            default:
                throw new DriverException($"The desktop driver cannot perform a {action.GetType().Name}.");
        }

        if (settle && _options.SettleAfterAction > TimeSpan.Zero)
        {
            await Task.Delay(_options.SettleAfterAction, _time, cancellationToken).ConfigureAwait(false);
        }

        return new ActionOutcome { Location = Location(), Duration = Stopwatch.GetElapsedTime(started) };
    }

    public Task<ActivityMark> MarkAsync(CancellationToken cancellationToken = default)
    {
        var windows = _windows.List();
        foreach (var w in windows)
        {
            if (!w.Popup && _windowsSeen.Add(w.Id))
            {
                _windowsOpened++;
            }
        }

        // Window changes stand for page changes: a window that opened is a new page, the top window's title is the location.
        return Task.FromResult(new ActivityMark { Mutations = -1, DocumentId = null, Pages = _windowsOpened, Location = Location(windows) });
    }

    public async ValueTask DisposeAsync()
    {
        DisposeAccessibility();
        _input.Dispose();
        _display.Dispose();
        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>The title of the focused window, else of the topmost one: the desktop's "location".</summary>
    private string? Location(IReadOnlyList<DesktopWindow>? windows = null)
    {
        windows ??= _windows.List();
        var focused = _windows.Focused();
        var top = windows.LastOrDefault(w => w.Id == focused) ?? windows.LastOrDefault(w => !w.Popup && w.Title.Length > 0);
        return top?.Title;
    }
}
