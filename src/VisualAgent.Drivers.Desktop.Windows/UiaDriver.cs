using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using System.Runtime.Versioning;
using VisualAgent.Actions;
using VisualAgent.Drivers.Desktop.Imaging;
using VisualAgent.Drivers.Desktop.Windows.Interop;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Desktop.Windows;

/// <summary>
/// The Windows desktop driver: UI Automation elements (the foreground window's subtree, element from point, Invoke,
/// Value, Toggle and SelectionItem patterns), SendInput for mouse and keyboard, BitBlt of the virtual screen. Same
/// capability interfaces as the X11 driver. Compiled everywhere, untested (this project has no Windows machine).
/// </summary>
[SupportedOSPlatform("windows")]
public sealed partial class UiaDriver : IUiDriver, IElementQuery
{
    private static readonly Guid ClsidCuiAutomation = new("ff48dba4-60ef-4201-aa87-54103eef594e");
    private static readonly StrategyBasedComWrappers Wrappers = new();
    private readonly IUIAutomation _automation;
    private readonly Dictionary<int, IUIAutomationElement> _elements = [];
    private readonly TimeProvider _time;

    private UiaDriver(IUIAutomation automation, TimeProvider time)
    {
        _automation = automation;
        _time = time;
    }

    /// <summary>Pause after each action so the application can react and repaint.</summary>
    public TimeSpan SettleAfterAction { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Creates the UI Automation client (CUIAutomation) on this thread (COM multithreaded apartment).</summary>
    public static UiaDriver Open(TimeProvider? time = null)
    {
        _ = Win32.SetProcessDPIAware();
        _ = Win32.CoInitializeEx(0, 0);
        var iid = typeof(IUIAutomation).GUID;
        var hr = Win32.CoCreateInstance(ClsidCuiAutomation, 0, Win32.ClsctxInprocServer, iid, out var pointer);
        if (hr < 0 || pointer == 0)
        {
            throw new DriverException($"UI Automation (CUIAutomation) could not be created: HRESULT 0x{hr:x8}.");
        }

        var automation = (IUIAutomation)Wrappers.GetOrCreateObjectForComInstance(pointer, CreateObjectFlags.None);
        System.Runtime.InteropServices.Marshal.Release(pointer);
        return new UiaDriver(automation, time ?? TimeProvider.System);
    }

    public Task<Screenshot> CaptureAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (rgb, size) = ScreenCapture.CaptureRgb();
        return Task.FromResult(new Screenshot { Png = PngWriter.Encode(rgb, size.Width, size.Height), Size = size, CapturedAt = _time.GetUtcNow() });
    }

    public async Task<ActionOutcome> ExecuteAsync(AgentAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var started = Stopwatch.GetTimestamp();
        switch (action)
        {
            case ClickAction c:
                SendInputs.Click(new ScreenPoint(c.X, c.Y), c.Button, c.Count);
                break;
            case MoveAction m:
                SendInputs.Move(new ScreenPoint(m.X, m.Y));
                break;
            case DragAction d:
                SendInputs.Drag(new ScreenPoint(d.X, d.Y), new ScreenPoint(d.X2, d.Y2));
                break;
            case ScrollAction s:
                SendInputs.Scroll(s.X is { } x && s.Y is { } y ? new ScreenPoint(x, y) : null, s.Dx, s.Dy);
                break;
            case TypeAction t:
                SendInputs.Type(t.Text + (t.Submit ? "\n" : ""));
                break;
            case KeyAction k:
                SendInputs.Chord(k.Keys);
                break;
            case WaitAction w:
                await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(w.Seconds, 0, 300)), _time, cancellationToken).ConfigureAwait(false);
                break;
            case DoneAction or AnswerAction:
                break;
            default:
                throw new DriverException($"The Windows driver cannot perform a {action.GetType().Name}.");
        }

        await Task.Delay(SettleAfterAction, _time, cancellationToken).ConfigureAwait(false);
        return new ActionOutcome { Duration = Stopwatch.GetElapsedTime(started) };
    }

    public Task<ElementFacts?> ElementAtAsync(ScreenPoint point, CancellationToken cancellationToken = default)
    {
        var element = _automation.ElementFromPoint(new UiaPoint { X = (int)point.X, Y = (int)point.Y });
        var e = ToUiElement(Track(element), element, 0);
        return Task.FromResult<ElementFacts?>(new ElementFacts
        {
            Role = e.Role, Name = e.Name, Box = e.Box, Editable = e.States.Editable, InputType = e.InputType, TestId = e.Id,
            Path = new ElementPath { Application = element.get_CurrentProcessId().ToString(System.Globalization.CultureInfo.InvariantCulture), Window = "", Chain = [new ElementPathStep(e.Tag ?? e.Role, e.Name, 0)], AutomationId = e.Id },
        });
    }

    public Task<string?> AccessibilitySnapshotAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);

    public ValueTask DisposeAsync()
    {
        _elements.Clear();
        return ValueTask.CompletedTask;
    }
}
