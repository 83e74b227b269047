using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Desktop.AtSpi;

/// <summary>
/// The AT-SPI accessibility tree of every application on the accessibility bus, read through libatspi. Elements are
/// kept referenced for the life of the tree and named by small integer ids, so a reference stays valid across walks.
/// libatspi is initialised once per process and is not thread-safe: every call holds one lock.
/// </summary>
internal sealed unsafe partial class AtSpiTree : IDisposable
{
    /// <summary>Role, interfaces and parent never change for an object; names, states and children are read afresh.</summary>
    private const int CacheStatic = 1 | 32 | 64;
    private const int MaxTextLength = 4000;

    private static readonly Lock Gate = new();
    private static nint _desktop;
    private static string? _initFailure;

    private static readonly HashSet<string> FieldRoles = ["text", "entry", "password text", "combo box", "spin button", "slider", "check box", "radio button", "toggle button"];
    private static readonly HashSet<string> ValueRoles = ["slider", "spin button", "scroll bar", "progress bar", "level bar"];
    private static readonly HashSet<string> TextRoles = ["text", "entry", "label", "paragraph", "static", "heading", "caption", "link", "terminal", "document text", "text area"];

    private readonly Dictionary<nint, int> _ids = [];
    private readonly List<nint> _objects = [0];
    private readonly Dictionary<int, AtSpiNode> _last = [];
    private readonly HashSet<nint> _apps = [];

    private AtSpiTree()
    {
    }

    /// <summary>
    /// Connects to the accessibility bus, or returns null with the reason when there is none (no D-Bus session bus, no
    /// libatspi, the bus refused): the driver is then pixels only.
    /// </summary>
    public static AtSpiTree? TryOpen(out string status)
    {
        var session = Environment.GetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
        var direct = Environment.GetEnvironmentVariable("AT_SPI_BUS_ADDRESS");
        if (string.IsNullOrEmpty(session) && string.IsNullOrEmpty(direct))
        {
            status = "no accessibility bus: DBUS_SESSION_BUS_ADDRESS is not set (run the apps and the agent in one D-Bus session, e.g. under dbus-run-session); pixels only";
            return null;
        }

        lock (Gate)
        {
            if (_desktop == 0 && _initFailure is null)
            {
                try
                {
                    var rc = Atspi.Init();
                    if (rc is 0 or 1)
                    {
                        Atspi.SetTimeout(2000, 15000);
                        _desktop = Atspi.GetDesktop(0);
                    }

                    if (_desktop == 0)
                    {
                        _initFailure = $"the accessibility bus did not answer (atspi_init returned {rc}; is at-spi2-core installed and the session bus running?); pixels only";
                    }
                }
                catch (DllNotFoundException)
                {
                    _initFailure = "libatspi is not installed (apt-get install -y at-spi2-core); pixels only";
                }
            }

            if (_desktop == 0)
            {
                status = _initFailure!;
                return null;
            }
        }

        var tree = new AtSpiTree();
        status = $"AT-SPI accessibility bus connected ({tree.Applications().Count} applications)";
        return tree;
    }

    /// <summary>Names of the applications registered on the bus.</summary>
    public IReadOnlyList<string> Applications()
    {
        lock (Gate)
        {
            Pump();
            var names = new List<string>();
            var count = Atspi.ChildCount(_desktop, out var error);
            if (Atspi.Failed(error))
            {
                return names;
            }

            for (var i = 0; i < count; i++)
            {
                var app = Track(Atspi.ChildAt(_desktop, i, out var e));
                if (!Atspi.Failed(e) && app != 0)
                {
                    names.Add(Atspi.Take(Atspi.Name(_objects[app], out var ne)) ?? (Atspi.Failed(ne) ? "" : ""));
                }
            }

            return names;
        }
    }

    /// <summary>Every showing element of every application's showing windows, in reading order, at most <paramref name="limit"/>.</summary>
    public (IReadOnlyList<AtSpiNode> Nodes, bool Truncated) Walk(int limit)
    {
        lock (Gate)
        {
            Pump();
            var nodes = new List<AtSpiNode>();
            var truncated = false;
            var appCount = Atspi.ChildCount(_desktop, out var error);
            if (Atspi.Failed(error))
            {
                return (nodes, false);
            }

            for (var i = 0; i < appCount && !truncated; i++)
            {
                var appId = Track(Atspi.ChildAt(_desktop, i, out var e));
                if (Atspi.Failed(e) || appId == 0)
                {
                    continue;
                }

                var app = _objects[appId];
                if (_apps.Add(app))
                {
                    // default cache
                }

                var appName = Atspi.Take(Atspi.Name(app, out var ne)) ?? "";
                Atspi.Failed(ne);
                var pid = (int)Atspi.ProcessId(app, out var pe);
                Atspi.Failed(pe);
                var windows = Children(app);
                for (var w = 0; w < windows.Count; w++)
                {
                    truncated = !Visit(windows[w], windows[w], appId, 1, w, appName, pid, nodes, limit);
                    if (truncated)
                    {
                        break;
                    }
                }
            }

            foreach (var n in nodes)
            {
                _last[n.Id] = n;
            }

            return (nodes, truncated);
        }
    }

    /// <summary>The element now, or null when it is gone (defunct, its app closed, no longer showing).</summary>
    public AtSpiNode? Read(int id)
    {
        lock (Gate)
        {
            Pump();
            if (id <= 0 || id >= _objects.Count || !_last.TryGetValue(id, out var was))
            {
                return null;
            }

            var node = ReadNode(id, was.Window, was.Parent, was.Depth, was.App, was.ProcessId, was.Order);
            if (node is null || node.Has(AtSpiState.Defunct) || !node.Has(AtSpiState.Showing))
            {
                return null;
            }

            node = node with { Index = was.Index };
            _last[id] = node;
            return node;
        }
    }

    /// <summary>The last walk's view of an element (no bus call), for paths and scopes.</summary>
    public AtSpiNode? Known(int id)
    {
        lock (Gate)
        {
            return _last.GetValueOrDefault(id);
        }
    }

    /// <summary>Performs the element's action named <paramref name="action"/> (or its first); false when it has none.</summary>
    public bool DoAction(int id, string? action)
    {
        lock (Gate)
        {
            var iface = Atspi.ActionIface(_objects[id]);
            if (iface == 0)
            {
                return false;
            }

            try
            {
                var count = Atspi.ActionCount(iface, out var e);
                if (Atspi.Failed(e))
                {
                    return false;
                }

                for (var i = 0; i < count; i++)
                {
                    var name = Atspi.Take(Atspi.ActionName(iface, i, out var ne));
                    Atspi.Failed(ne);
                    if (action is null || string.Equals(name, action, StringComparison.OrdinalIgnoreCase))
                    {
                        var ok = Atspi.DoAction(iface, i, out var de) != 0;
                        return !Atspi.Failed(de) && ok;
                    }
                }

                return false;
            }
            finally
            {
                Atspi.Unref(iface);
            }
        }
    }

    /// <summary>Replaces an editable element's text; false when it is not editable through AT-SPI.</summary>
    public bool SetText(int id, string text)
    {
        lock (Gate)
        {
            var iface = Atspi.EditableTextIface(_objects[id]);
            if (iface == 0)
            {
                return false;
            }

            try
            {
                var ok = Atspi.SetTextContents(iface, text, out var e) != 0;
                return !Atspi.Failed(e) && ok;
            }
            finally
            {
                Atspi.Unref(iface);
            }
        }
    }

    public void Dispose()
    {
        lock (Gate)
        {
            for (var i = 1; i < _objects.Count; i++)
            {
                Atspi.Unref(_objects[i]);
            }

            _objects.RemoveRange(1, _objects.Count - 1);
            _ids.Clear();
            _last.Clear();
            _apps.Clear();
        }
    }

    /// <summary>Handles what the bus queued (cache updates, signals) so the queue does not grow between reads.</summary>
    private static void Pump()
    {
        for (var i = 0; i < 2000 && Atspi.MainContextIteration(0, 0) != 0; i++)
        {
        }
    }

    /// <summary>Visits a showing element and its children; false when the limit was reached.</summary>
    private bool Visit(int id, int window, int parent, int depth, int index, string app, int pid, List<AtSpiNode> into, int limit)
    {
        if (into.Count >= limit)
        {
            return false;
        }

        var node = ReadNode(id, window, parent, depth, app, pid, into.Count);
        if (node is null || !node.Has(AtSpiState.Showing) || node.Has(AtSpiState.Defunct))
        {
            return true;
        }

        into.Add(node with { Index = index });
        return depth > 60 || VisitChildren(node, into, limit);
    }

    /// <summary>The showing children in reading order (top to bottom, then left to right; toolkits list them in any order), each with its subtree.</summary>
    private bool VisitChildren(AtSpiNode parent, List<AtSpiNode> into, int limit)
    {
        var children = Children(_objects[parent.Id]);
        var read = new List<AtSpiNode>();
        for (var i = 0; i < children.Count; i++)
        {
            if (ReadNode(children[i], parent.Window, parent.Id, parent.Depth + 1, parent.App, parent.ProcessId, 0) is { } child
                && child.Has(AtSpiState.Showing) && !child.Has(AtSpiState.Defunct))
            {
                read.Add(child with { Index = i });
            }
        }

        foreach (var child in read.OrderBy(c => c.Box?.Y1 ?? double.MaxValue).ThenBy(c => c.Box?.X1 ?? double.MaxValue))
        {
            if (into.Count >= limit)
            {
                return false;
            }

            into.Add(child with { Order = into.Count });
            if (child.Depth <= 60 && !VisitChildren(child, into, limit))
            {
                return false;
            }
        }

        return true;
    }

    private List<int> Children(nint accessible)
    {
        var result = new List<int>();
        var count = Atspi.ChildCount(accessible, out var error);
        if (Atspi.Failed(error))
        {
            return result;
        }

        for (var i = 0; i < Math.Min(count, 5000); i++)
        {
            var child = Track(Atspi.ChildAt(accessible, i, out var e));
            if (!Atspi.Failed(e) && child != 0)
            {
                result.Add(child);
            }
        }

        return result;
    }

    /// <summary>The id of an accessible given "transfer full": a new one keeps the reference, a known one drops it.</summary>
    private int Track(nint accessible)
    {
        if (accessible == 0)
        {
            return 0;
        }

        if (_ids.TryGetValue(accessible, out var id))
        {
            Atspi.Unref(accessible);
            return id;
        }

        id = _objects.Count;
        _objects.Add(accessible);
        _ids[accessible] = id;
        return id;
    }

    private AtSpiNode? ReadNode(int id, int window, int parent, int depth, string app, int pid, int order)
    {
        var obj = _objects[id];
        var role = Atspi.Take(Atspi.RoleName(obj, out var re));
        if (Atspi.Failed(re) || role is null)
        {
            return null;
        }

        var states = States(obj);
        if (!states.Contains(AtSpiState.Showing) || states.Contains(AtSpiState.Defunct))
        {
            return new AtSpiNode { Id = id, Role = role, States = states, Window = window, Parent = parent, Depth = depth, App = app, ProcessId = pid, Order = order };
        }

        var name = Atspi.Take(Atspi.Name(obj, out var ne)) ?? "";
        Atspi.Failed(ne);
        var description = Atspi.Take(Atspi.Description(obj, out var de)) ?? "";
        Atspi.Failed(de);
        var accessibleId = Atspi.Take(Atspi.AccessibleId(obj, out var ie));
        Atspi.Failed(ie);
        var editable = Atspi.EditableTextIface(obj);
        if (editable != 0)
        {
            Atspi.Unref(editable);
        }

        return new AtSpiNode
        {
            Id = id,
            Role = role,
            Name = name.Trim(),
            Description = description,
            States = states,
            Box = Extents(obj),
            Actions = Actions(obj),
            Text = role == "password text" || !(TextRoles.Contains(role) || editable != 0) ? null : ReadText(obj),
            HasEditableText = editable != 0,
            Value = ValueRoles.Contains(role) ? ReadValue(obj) : null,
            LabelledBy = FieldRoles.Contains(role) ? Labels(obj) : null,
            AccessibleId = string.IsNullOrEmpty(accessibleId) ? null : accessibleId,
            App = app,
            ProcessId = pid,
            Window = window,
            Parent = parent,
            Depth = depth,
            Order = order,
        };
    }

    private static HashSet<AtSpiState> States(nint obj)
    {
        var result = new HashSet<AtSpiState>();
        var set = Atspi.StateSet(obj);
        if (set == 0)
        {
            return result;
        }

        try
        {
            foreach (var state in Enum.GetValues<AtSpiState>())
            {
                if (Atspi.StateSetContains(set, (int)state) != 0)
                {
                    result.Add(state);
                }
            }
        }
        finally
        {
            Atspi.Unref(set);
        }

        return result;
    }

    private static ScreenBox? Extents(nint obj)
    {
        var component = Atspi.ComponentIface(obj);
        if (component == 0)
        {
            return null;
        }

        try
        {
            var rect = Atspi.Extents(component, Atspi.CoordScreen, out var e);
            if (Atspi.Failed(e) || rect is null)
            {
                return null;
            }

            var box = rect->Width > 0 && rect->Height > 0 ? ScreenBox.FromXywh(rect->X, rect->Y, rect->Width, rect->Height) : (ScreenBox?)null;
            Atspi.Free(rect);
            return box;
        }
        finally
        {
            Atspi.Unref(component);
        }
    }

    private static List<string> Actions(nint obj)
    {
        var result = new List<string>();
        var iface = Atspi.ActionIface(obj);
        if (iface == 0)
        {
            return result;
        }

        try
        {
            var count = Atspi.ActionCount(iface, out var e);
            if (Atspi.Failed(e))
            {
                return result;
            }

            for (var i = 0; i < Math.Min(count, 16); i++)
            {
                if (Atspi.Take(Atspi.ActionName(iface, i, out var ne)) is { Length: > 0 } name)
                {
                    result.Add(name);
                }

                Atspi.Failed(ne);
            }

            return result;
        }
        finally
        {
            Atspi.Unref(iface);
        }
    }

    private static string? ReadText(nint obj)
    {
        var iface = Atspi.TextIface(obj);
        if (iface == 0)
        {
            return null;
        }

        try
        {
            var count = Atspi.CharacterCount(iface, out var e);
            if (Atspi.Failed(e))
            {
                return null;
            }

            var text = Atspi.Take(Atspi.Text(iface, 0, Math.Min(count, MaxTextLength), out var te));
            return Atspi.Failed(te) ? null : text ?? "";
        }
        finally
        {
            Atspi.Unref(iface);
        }
    }

    private static double? ReadValue(nint obj)
    {
        var iface = Atspi.ValueIface(obj);
        if (iface == 0)
        {
            return null;
        }

        try
        {
            var value = Atspi.CurrentValue(iface, out var e);
            return Atspi.Failed(e) ? null : value;
        }
        finally
        {
            Atspi.Unref(iface);
        }
    }

    private static string? Labels(nint obj)
    {
        var set = Atspi.RelationSet(obj, out var e);
        if (Atspi.Failed(e) || set is null)
        {
            return null;
        }

        var names = new List<string>();
        try
        {
            for (var i = 0; i < set->Length; i++)
            {
                var relation = set->Data[i];
                if (Atspi.RelationType(relation) == Atspi.RelationLabelledBy)
                {
                    for (var t = 0; t < Atspi.RelationTargetCount(relation); t++)
                    {
                        var target = Atspi.RelationTarget(relation, t);
                        if (target != 0)
                        {
                            if (Atspi.Take(Atspi.Name(target, out var ne)) is { Length: > 0 } label)
                            {
                                names.Add(label.Trim());
                            }

                            Atspi.Failed(ne);
                            Atspi.Unref(target);
                        }
                    }
                }

                Atspi.Unref(relation);
            }
        }
        finally
        {
            Atspi.ArrayFree(set, 1);
        }

        return names.Count == 0 ? null : string.Join(" ", names);
    }
}
