namespace VisualAgent.Drivers.Desktop.X11;

/// <summary>
/// Keysym -> keycode (and whether Shift is needed) from the display's keyboard mapping. A keysym the layout lacks (most
/// non-ASCII characters) is bound to a spare keycode, as xdotool does; bindings stay until dispose, because a client
/// may translate a key event only after the mapping changed again. Used under the display's lock.
/// </summary>
internal sealed unsafe class KeyboardMap : IDisposable
{
    private readonly XDisplay _display;
    private readonly Dictionary<int, (int Keycode, bool Shift)> _keys = [];
    private readonly List<int> _spare = [];
    private readonly Dictionary<int, int> _bound = [];
    private readonly int _perKeycode;
    private int _nextSpare;

    public KeyboardMap(XDisplay display)
    {
        _display = display;
        _perKeycode = display.Use(d =>
        {
            Xlib.XDisplayKeycodes(d, out var min, out var max);
            var count = max - min + 1;
            var map = Xlib.XGetKeyboardMapping(d, (byte)min, count, out var per);
            try
            {
                for (var i = 0; i < count; i++)
                {
                    var keycode = min + i;
                    var any = false;
                    for (var level = 0; level < per; level++)
                    {
                        var keysym = (int)map[(i * per) + level];
                        if (keysym == 0)
                        {
                            continue;
                        }

                        any = true;
                        if (level < 2)
                        {
                            _keys.TryAdd(keysym, (keycode, level == 1));
                        }
                    }

                    if (!any)
                    {
                        _spare.Add(keycode);
                    }
                }
            }
            finally
            {
                Xlib.XFree(map);
            }

            return per;
        });
    }

    /// <summary>The key that types <paramref name="keysym"/>, binding a spare keycode when the layout has none. Call under the lock.</summary>
    public (int Keycode, bool Shift) Resolve(nint d, int keysym)
    {
        if (_keys.TryGetValue(keysym, out var key))
        {
            return key;
        }

        if (_spare.Count == 0)
        {
            throw new Errors.DriverException($"The keyboard layout has no key for keysym 0x{keysym:x} and no spare keycode to bind it to.");
        }

        var keycode = _spare[_nextSpare++ % _spare.Count];
        if (_bound.Remove(keycode, out var old))
        {
            _keys.Remove(old);
        }

        Bind(d, keycode, keysym);
        _bound[keycode] = keysym;
        _keys[keysym] = (keycode, false);
        return (keycode, false);
    }

    private void Bind(nint d, int keycode, int keysym)
    {
        var syms = stackalloc nint[_perKeycode];
        for (var i = 0; i < _perKeycode; i++)
        {
            syms[i] = i < 2 ? keysym : 0;
        }

        Xlib.XChangeKeyboardMapping(d, keycode, _perKeycode, syms, 1);
        Xlib.XSync(d, 0);
    }

    public void Dispose()
    {
        if (_bound.Count == 0)
        {
            return;
        }

        try
        {
            _display.Use(d =>
            {
                foreach (var keycode in _bound.Keys)
                {
                    Bind(d, keycode, 0);
                }
            });
        }
        catch (ObjectDisposedException)
        {
        }

        _bound.Clear();
    }
}
