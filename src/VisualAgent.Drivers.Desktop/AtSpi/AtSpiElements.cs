using System.Globalization;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Desktop.AtSpi;

/// <summary>AT-SPI nodes as the agent's <see cref="UiElement"/>s: ARIA roles, states, boxes clipped to the screen, scopes, hit-testing by window stacking.</summary>
internal static class AtSpiElements
{
    public const string RefPrefix = "atspi:";

    public static string RefOf(int id) => RefPrefix + id.ToString(CultureInfo.InvariantCulture);

    public static int? IdOf(string elementRef) =>
        elementRef.StartsWith(RefPrefix, StringComparison.Ordinal) && int.TryParse(elementRef.AsSpan(RefPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <param name="node">The node.</param>
    /// <param name="known">The walk's nodes by id (for scopes).</param>
    /// <param name="windows">The X windows, bottom to top (for what is on top at a point).</param>
    /// <param name="screen">The display's size.</param>
    public static UiElement ToElement(AtSpiNode node, Func<int, AtSpiNode?> known, IReadOnlyList<DesktopWindow> windows, PixelSize screen)
    {
        var editable = node.Has(AtSpiState.Editable) && node.HasEditableText;
        var role = AtSpiRoles.ToAria(node.Role, editable);
        var password = node.Role == "password text";
        var visible = Visible(node, known, screen);
        var hit = visible is { } v && OnTop(node, v.Center, windows, known(node.Window)?.Name);
        var text = node.Text is { } t && !editable ? Normalize(t) : "";
        var name = node.Name.Length > 0 ? Normalize(node.Name) : role is "text" or "paragraph" or "heading" ? text : "";
        return new UiElement
        {
            Ref = RefOf(node.Id),
            Role = role,
            Name = name,
            Text = text.Length > 0 ? text : role is "textbox" ? "" : name,
            OwnText = text.Length > 0 ? text : role is "textbox" ? "" : name,
            Tag = node.Role,
            InputType = password ? "password" : null,
            Label = node.LabelledBy,
            Title = node.Description.Length > 0 ? node.Description : null,
            Id = node.AccessibleId,
            Value = password ? null : role is "textbox" || editable ? node.Text ?? "" : node.Value?.ToString(CultureInfo.InvariantCulture) ?? (role == "combobox" ? name : null),
            States = States(node, role, editable),
            Box = node.Box ?? default,
            VisibleBox = visible,
            HitAtCentre = hit,
            ClickPoint = hit ? visible!.Value.Center : null,
            Interactive = AtSpiRoles.IsControl(role) || (node.Has(AtSpiState.Focusable) && node.Actions.Count > 0 && role is not ("window" or "dialog")),
            Order = node.Order,
            Scopes = Scopes(node, known),
        };
    }

    private static ElementStates States(AtSpiNode node, string role, bool editable)
    {
        var checkable = role is "checkbox" or "radio" or "menuitemcheckbox" or "menuitemradio" or "switch" || node.Has(AtSpiState.Checkable);
        var toggle = node.Role == "toggle button";
        return new ElementStates
        {
            Checked = checkable && !toggle ? node.Has(AtSpiState.Checked) : null,
            Mixed = node.Has(AtSpiState.Indeterminate) && checkable,
            Pressed = toggle ? node.Has(AtSpiState.Checked) || node.Has(AtSpiState.Pressed) : null,
            Selected = node.Has(AtSpiState.Selectable) ? node.Has(AtSpiState.Selected) : null,
            Expanded = node.Has(AtSpiState.Expandable) ? node.Has(AtSpiState.Expanded) : null,
            Disabled = !node.Has(AtSpiState.Enabled) || !node.Has(AtSpiState.Sensitive),
            ReadOnly = node.Has(AtSpiState.ReadOnly) || (role == "textbox" && !editable),
            Editable = editable,
            Focused = node.Has(AtSpiState.Focused),
        };
    }

    /// <summary>The box clipped by its window and the screen; null when nothing of it shows.</summary>
    private static ScreenBox? Visible(AtSpiNode node, Func<int, AtSpiNode?> known, PixelSize screen)
    {
        if (node.Box is not { } box || !node.Has(AtSpiState.Showing))
        {
            return null;
        }

        var clip = new ScreenBox(0, 0, screen.Width, screen.Height);
        if (node.Window != node.Id && known(node.Window)?.Box is { } window)
        {
            clip = Intersect(clip, window) ?? clip;
        }

        return Intersect(box, clip);
    }

    private static ScreenBox? Intersect(ScreenBox a, ScreenBox b)
    {
        var r = new ScreenBox(Math.Max(a.X1, b.X1), Math.Max(a.Y1, b.Y1), Math.Min(a.X2, b.X2), Math.Min(a.Y2, b.Y2));
        return r.Width > 0 && r.Height > 0 ? r : null;
    }

    /// <summary>
    /// True when the topmost window at the point belongs to the node's application and, when both have titles, is the
    /// node's own window (another window of the same application does not cover it).
    /// </summary>
    public static bool OnTop(AtSpiNode node, ScreenPoint point, IReadOnlyList<DesktopWindow> windows, string? windowName = null)
    {
        for (var i = windows.Count - 1; i >= 0; i--)
        {
            var w = windows[i];
            if (point.X >= w.Box.X1 && point.X < w.Box.X2 && point.Y >= w.Box.Y1 && point.Y < w.Box.Y2)
            {
                return (w.ProcessId is null || node.ProcessId == 0 || w.ProcessId == node.ProcessId)
                    && (w.Popup || w.Title.Length == 0 || string.IsNullOrEmpty(windowName) || w.Title == windowName);
            }
        }

        return false;
    }

    private static List<ElementScope> Scopes(AtSpiNode node, Func<int, AtSpiNode?> known)
    {
        var scopes = new List<ElementScope>();
        var id = node.Parent;
        for (var guard = 0; guard < 64 && id > 0 && known(id) is { } parent; guard++)
        {
            var role = AtSpiRoles.ToAria(parent.Role, false);
            if (AtSpiRoles.ScopeKind(role) is { } kind && (parent.Name.Length > 0 || kind is not "group"))
            {
                scopes.Add(new ElementScope(kind, Normalize(parent.Name)));
            }

            if (parent.Id == parent.Window)
            {
                break;
            }

            id = parent.Parent;
        }

        return scopes;
    }

    public static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
