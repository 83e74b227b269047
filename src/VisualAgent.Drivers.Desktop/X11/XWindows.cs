using System.Text;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Desktop.X11;

/// <summary>Top-level windows: list (bottom to top, as stacked), title, process, bounds, focus.</summary>
internal sealed unsafe class XWindows(XDisplay display)
{
    private readonly nint _netWmName = display.Atom("_NET_WM_NAME");
    private readonly nint _wmName = display.Atom("WM_NAME");
    private readonly nint _netWmPid = display.Atom("_NET_WM_PID");

    /// <summary>The viewable top-level windows, bottom of the stack first (the last is on top).</summary>
    public IReadOnlyList<DesktopWindow> List() => display.Use(d =>
    {
        var result = new List<DesktopWindow>();
        if (Xlib.XQueryTree(d, display.Root, out _, out _, out var children, out var count) == 0)
        {
            return result;
        }

        try
        {
            for (var i = 0; i < count; i++)
            {
                var w = children[i];
                if (Xlib.XGetWindowAttributes(d, w, out var a) == 0 || a.MapState != Xlib.IsViewable || a.Width <= 1 || a.Height <= 1)
                {
                    continue;
                }

                var box = ScreenBox.FromXywh(a.X, a.Y, a.Width, a.Height);
                var (title, pid) = Describe(d, w);
                result.Add(new DesktopWindow(w, title, pid, box, a.OverrideRedirect != 0));
            }
        }
        finally
        {
            Xlib.XFree(children);
        }

        return result;
    });

    /// <summary>The topmost window containing the point, or null.</summary>
    public DesktopWindow? At(ScreenPoint point) => List().LastOrDefault(w => w.Box.Contains(point) && point.X < w.Box.X2 && point.Y < w.Box.Y2);

    /// <summary>Raises the window and gives it the keyboard focus.</summary>
    public void Focus(long id) => display.Use(d =>
    {
        Xlib.XRaiseWindow(d, (nint)id);
        Xlib.XSetInputFocus(d, (nint)id, Xlib.RevertToParent, Xlib.CurrentTime);
        Xlib.XSync(d, 0);
    });

    /// <summary>The window that has the keyboard focus (its top-level ancestor), or null when focus follows the pointer.</summary>
    public long? Focused() => display.Use(d =>
    {
        Xlib.XGetInputFocus(d, out var w, out _);
        return w is 0 or 1 || w == display.Root ? (long?)null : TopLevel(d, w);
    });

    private long TopLevel(nint d, nint w)
    {
        while (true)
        {
            if (Xlib.XQueryTree(d, w, out var root, out var parent, out var children, out _) == 0)
            {
                return w;
            }

            if (children is not null)
            {
                Xlib.XFree(children);
            }

            if (parent == 0 || parent == root)
            {
                return w;
            }

            w = parent;
        }
    }

    private (string Title, int? Pid) Describe(nint d, nint w)
    {
        var title = Text(d, w, _netWmName) ?? Text(d, w, _wmName) ?? "";
        int? pid = null;
        if (Xlib.XGetWindowProperty(d, w, _netWmPid, 0, 1, 0, Xlib.AnyPropertyType, out _, out var format, out var items, out _, out var data) == Xlib.Success && data is not null)
        {
            if (format == 32 && items > 0)
            {
                pid = (int)*(nint*)data;
            }

            Xlib.XFree(data);
        }

        return (title, pid);
    }

    private static string? Text(nint d, nint w, nint property)
    {
        if (Xlib.XGetWindowProperty(d, w, property, 0, 1024, 0, Xlib.AnyPropertyType, out _, out var format, out var items, out _, out var data) != Xlib.Success || data is null)
        {
            return null;
        }

        try
        {
            return format == 8 && items > 0 ? Encoding.UTF8.GetString(data, (int)items) : null;
        }
        finally
        {
            Xlib.XFree(data);
        }
    }
}
