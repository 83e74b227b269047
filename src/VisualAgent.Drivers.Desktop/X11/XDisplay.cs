using System.Runtime.InteropServices;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Desktop.X11;

/// <summary>
/// One connection to an X display, owned here and closed on dispose. Xlib is not thread-safe: every use goes through
/// <see cref="Use{T}"/>, which holds the connection's lock. X protocol errors (a window that closed between two
/// calls) are counted, not fatal: Xlib's default handler would end the process.
/// </summary>
internal sealed unsafe class XDisplay : IDisposable
{
    private static int _errors;
    private readonly Lock _gate = new();
    private nint _handle;

    static XDisplay()
    {
        Xlib.XSetErrorHandler(&OnError);
    }

    private XDisplay(nint handle, string name)
    {
        _handle = handle;
        Name = name;
        Screen = Xlib.XDefaultScreen(handle);
        Root = Xlib.XRootWindow(handle, Screen);
    }

    /// <summary>The display name, e.g. ":99".</summary>
    public string Name { get; }

    public int Screen { get; }

    public nint Root { get; }

    /// <summary>X protocol errors seen since the process started (windows that vanished mid-call, mostly).</summary>
    public static int ErrorCount => Volatile.Read(ref _errors);

    /// <summary>The display's size in pixels, read afresh (screenshot pixels are the display's pixels).</summary>
    public PixelSize Size => Use(d => new PixelSize(Xlib.XDisplayWidth(d, Screen), Xlib.XDisplayHeight(d, Screen)));

    /// <summary>Opens the display (see <see cref="DisplayName.Resolve"/> for where the name comes from).</summary>
    public static XDisplay Open(string? display)
    {
        var name = DisplayName.Resolve(display);
        nint handle;
        try
        {
            handle = Xlib.XOpenDisplay(name);
        }
        catch (DllNotFoundException e)
        {
            throw new EnvironmentMissingException("libX11 is not installed: apt-get install -y libx11-6 libxtst6 (scripts/setup.sh installs what the desktop driver needs).", e);
        }

        if (handle == 0)
        {
            throw new DriverException($"Cannot open the X display {name}: it is not running or refused the connection. Start one (e.g. Xvfb {name} -screen 0 1920x1080x24 -nolisten tcp &) or pass --display.");
        }

        return new XDisplay(handle, name);
    }

    /// <summary>Runs <paramref name="call"/> with the connection, holding its lock.</summary>
    public T Use<T>(Func<nint, T> call)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_handle == 0, this);
            return call(_handle);
        }
    }

    public void Use(Action<nint> call)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_handle == 0, this);
            call(_handle);
        }
    }

    public nint Atom(string name) => Use(d => Xlib.XInternAtom(d, name, 0));

    public void Dispose()
    {
        lock (_gate)
        {
            if (_handle != 0)
            {
                Xlib.XCloseDisplay(_handle);
                _handle = 0;
            }
        }
    }

    [UnmanagedCallersOnly]
    private static int OnError(nint display, nint error)
    {
        Interlocked.Increment(ref _errors);
        return 0;
    }
}
