using System.Text;
using VisualAgent.Actions;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Desktop.X11;

/// <summary>
/// Mouse, wheel and keyboard through the XTEST extension: the events reach the X server as if from the devices, so
/// every client sees them. Points are display pixels, which are screenshot pixels on X11 (no scaling).
/// </summary>
internal sealed class XInput : IDisposable
{
    private const int WheelNotch = 100;
    private readonly XDisplay _display;
    private readonly KeyboardMap _keyboard;
    private readonly TimeProvider _time;

    public XInput(XDisplay display, TimeProvider time)
    {
        _display = display;
        _time = time;
        var ok = display.Use(d => Xlib.XTestQueryExtension(d, out _, out _, out _, out _));
        if (ok == 0)
        {
            throw new DriverException($"The X display {display.Name} has no XTEST extension: input cannot be sent (Xvfb has it unless started with -extension XTEST).");
        }

        _keyboard = new KeyboardMap(display);
    }

    /// <summary>Pause between the events of a click, a drag step or a typed character.</summary>
    public TimeSpan EventGap { get; init; } = TimeSpan.FromMilliseconds(8);

    public async Task MoveAsync(ScreenPoint point, CancellationToken ct)
    {
        var (x, y) = ToDisplay(point);
        _display.Use(d =>
        {
            Xlib.XTestFakeMotionEvent(d, _display.Screen, x, y, 0);
            Xlib.XSync(d, 0);
        });
        await GapAsync(ct).ConfigureAwait(false);
    }

    public async Task ClickAsync(ScreenPoint point, MouseButton button, int count, CancellationToken ct)
    {
        if (count is < 1 or > 3)
        {
            throw new UsageException($"A click counts 1 to 3 presses, not {count}.");
        }

        await MoveAsync(point, ct).ConfigureAwait(false);
        var b = button switch { MouseButton.Right => 3u, MouseButton.Middle => 2u, _ => 1u };
        for (var i = 0; i < count; i++)
        {
            await ButtonAsync(b, true, ct).ConfigureAwait(false);
            await ButtonAsync(b, false, ct).ConfigureAwait(false);
        }
    }

    public async Task PressAsync(ScreenPoint point, TimeSpan hold, CancellationToken ct)
    {
        await MoveAsync(point, ct).ConfigureAwait(false);
        await ButtonAsync(1, true, ct).ConfigureAwait(false);
        try
        {
            await Task.Delay(hold, _time, ct).ConfigureAwait(false);
        }
        finally
        {
            await ButtonAsync(1, false, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Press at the start, move in steps (so toolkits see a drag), release at the end.</summary>
    public async Task DragAsync(ScreenPoint from, ScreenPoint to, CancellationToken ct)
    {
        await MoveAsync(from, ct).ConfigureAwait(false);
        await ButtonAsync(1, true, ct).ConfigureAwait(false);
        try
        {
            const int steps = 12;
            for (var i = 1; i <= steps; i++)
            {
                await MoveAsync(new ScreenPoint(from.X + ((to.X - from.X) * i / steps), from.Y + ((to.Y - from.Y) * i / steps)), ct).ConfigureAwait(false);
            }
        }
        finally
        {
            await ButtonAsync(1, false, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Wheel clicks: one notch per <see cref="WheelNotch"/> pixels (at least one); positive dy scrolls down.</summary>
    public async Task ScrollAsync(ScreenPoint? at, double dx, double dy, CancellationToken ct)
    {
        if (at is { } p)
        {
            await MoveAsync(p, ct).ConfigureAwait(false);
        }

        foreach (var (amount, negative, positive) in new[] { (dy, 4u, 5u), (dx, 6u, 7u) })
        {
            var notches = amount == 0 ? 0 : Math.Max(1, (int)Math.Round(Math.Abs(amount) / WheelNotch));
            for (var i = 0; i < notches; i++)
            {
                var b = amount < 0 ? negative : positive;
                await ButtonAsync(b, true, ct).ConfigureAwait(false);
                await ButtonAsync(b, false, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Types text character by character through keysyms (non-ASCII included); the focused window receives it.</summary>
    public async Task TypeAsync(string text, CancellationToken ct)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            ct.ThrowIfCancellationRequested();
            if (rune.Value == '\r')
            {
                continue;
            }

            var keysym = Keysyms.FromRune(rune);
            _display.Use(d =>
            {
                var (keycode, shift) = _keyboard.Resolve(d, keysym);
                var shiftCode = shift ? _keyboard.Resolve(d, Keysyms.ShiftL).Keycode : 0;
                if (shift)
                {
                    Xlib.XTestFakeKeyEvent(d, (uint)shiftCode, 1, 0);
                }

                Xlib.XTestFakeKeyEvent(d, (uint)keycode, 1, 0);
                Xlib.XTestFakeKeyEvent(d, (uint)keycode, 0, 0);
                if (shift)
                {
                    Xlib.XTestFakeKeyEvent(d, (uint)shiftCode, 0, 0);
                }

                Xlib.XSync(d, 0);
            });
            await GapAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>A chord: every key pressed in order, then released in reverse ("ctrl", "shift", "t").</summary>
    public async Task ChordAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            throw new UsageException("A key action needs at least one key.");
        }

        var keysyms = keys.Select(Keysyms.FromKeyName).ToList();
        _display.Use(d =>
        {
            var codes = keysyms.Select(k => _keyboard.Resolve(d, k).Keycode).ToList();
            foreach (var code in codes)
            {
                Xlib.XTestFakeKeyEvent(d, (uint)code, 1, 0);
            }

            for (var i = codes.Count - 1; i >= 0; i--)
            {
                Xlib.XTestFakeKeyEvent(d, (uint)codes[i], 0, 0);
            }

            Xlib.XSync(d, 0);
        });
        await GapAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Where the pointer is now, in display pixels.</summary>
    public ScreenPoint Pointer() => _display.Use(d =>
    {
        Xlib.XQueryPointer(d, _display.Root, out _, out _, out var x, out var y, out _, out _, out _);
        return new ScreenPoint(x, y);
    });

    public void Dispose() => _keyboard.Dispose();

    private async Task ButtonAsync(uint button, bool press, CancellationToken ct)
    {
        _display.Use(d =>
        {
            Xlib.XTestFakeButtonEvent(d, button, press ? 1 : 0, 0);
            Xlib.XSync(d, 0);
        });
        await GapAsync(ct).ConfigureAwait(false);
    }

    private (int X, int Y) ToDisplay(ScreenPoint point)
    {
        var size = _display.Size;
        if (!double.IsFinite(point.X) || !double.IsFinite(point.Y) || point.X < 0 || point.Y < 0 || point.X >= size.Width || point.Y >= size.Height)
        {
            throw new DriverException($"The point {point} is outside the display ({size}).");
        }

        return ((int)Math.Floor(point.X), (int)Math.Floor(point.Y));
    }

    private Task GapAsync(CancellationToken ct) => EventGap > TimeSpan.Zero ? Task.Delay(EventGap, _time, ct) : Task.CompletedTask;
}
