using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using VisualAgent.Drivers.Desktop.Windows.Interop;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Desktop.Windows;

/// <summary>Elements through UI Automation: the foreground window's subtree, current properties, and the four patterns.</summary>
public sealed partial class UiaDriver
{
    public Task<ElementSnapshot> QueryElementsAsync(int limit = 4000, CancellationToken cancellationToken = default)
    {
        var window = _automation.ElementFromHandle(Win32.GetForegroundWindow());
        var all = window.FindAll(UiaTreeScope.Subtree, _automation.CreateTrueCondition());
        var count = all.get_Length();
        var elements = new List<UiElement>();
        for (var i = 0; i < Math.Min(count, limit); i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var element = all.GetElement(i);
            elements.Add(ToUiElement(Track(element), element, i));
        }

        return Task.FromResult(new ElementSnapshot { Elements = elements, Truncated = count > limit, Location = window.get_CurrentName() });
    }

    public Task<UiElement?> RefreshAsync(string elementRef, CancellationToken cancellationToken = default)
    {
        if (IdOf(elementRef) is not { } id || !_elements.TryGetValue(id, out var element))
        {
            return Task.FromResult<UiElement?>(null);
        }

        try
        {
            return Task.FromResult<UiElement?>(ToUiElement(id, element, 0));
        }
        catch (System.Runtime.InteropServices.COMException)
        {
            // UIA_E_ELEMENTNOTAVAILABLE: the element is gone.
            return Task.FromResult<UiElement?>(null);
        }
    }

    public Task<UiElement?> RevealAsync(string elementRef, CancellationToken cancellationToken = default) => RefreshAsync(elementRef, cancellationToken);

    public async Task<UiElement?> HitTestAsync(ScreenPoint point, CancellationToken cancellationToken = default)
    {
        var element = _automation.ElementFromPoint(new UiaPoint { X = (int)point.X, Y = (int)point.Y });
        return await Task.FromResult(ToUiElement(Track(element), element, 0)).ConfigureAwait(false);
    }

    public Task<UiElement?> FocusedAsync(CancellationToken cancellationToken = default)
    {
        var element = _automation.GetFocusedElement();
        return Task.FromResult<UiElement?>(ToUiElement(Track(element), element, 0));
    }

    public async Task<IReadOnlyList<TextBlock>> QueryTextAsync(int limit = 4000, CancellationToken cancellationToken = default)
    {
        var snapshot = await QueryElementsAsync(limit, cancellationToken).ConfigureAwait(false);
        return snapshot.Elements.Where(e => e.Name.Length > 0).Select(e => new TextBlock(e.Name, e.Box, e.VisibleBox is not null, e.Ref)).ToList();
    }

    /// <summary>Invoke pattern (buttons, links, menu items); false when the element has none.</summary>
    public bool Invoke(string elementRef) => Pattern<IUIAutomationInvokePattern>(elementRef, UiaIds.InvokePattern) is { } p && Do(p.Invoke);

    /// <summary>Value pattern: sets a field's text; false when the element has none.</summary>
    public bool SetValue(string elementRef, string value) => Pattern<IUIAutomationValuePattern>(elementRef, UiaIds.ValuePattern) is { } p && Do(() => p.SetValue(value));

    /// <summary>Toggle pattern (check boxes, toggle buttons); false when the element has none.</summary>
    public bool Toggle(string elementRef) => Pattern<IUIAutomationTogglePattern>(elementRef, UiaIds.TogglePattern) is { } p && Do(p.Toggle);

    /// <summary>SelectionItem pattern (list items, tabs, radio buttons); false when the element has none.</summary>
    public bool Select(string elementRef) => Pattern<IUIAutomationSelectionItemPattern>(elementRef, UiaIds.SelectionItemPattern) is { } p && Do(p.Select);

    private static bool Do(Action call)
    {
        call();
        return true;
    }

    private T? Pattern<T>(string elementRef, int patternId)
        where T : class
    {
        if (IdOf(elementRef) is not { } id || !_elements.TryGetValue(id, out var element))
        {
            return null;
        }

        var pointer = element.GetCurrentPattern(patternId);
        if (pointer == 0)
        {
            return null;
        }

        try
        {
            return (T)Wrappers.GetOrCreateObjectForComInstance(pointer, CreateObjectFlags.None);
        }
        finally
        {
            System.Runtime.InteropServices.Marshal.Release(pointer);
        }
    }

    private UiElement ToUiElement(int id, IUIAutomationElement e, int order)
    {
        var type = e.get_CurrentControlType();
        var rect = e.get_CurrentBoundingRectangle();
        var box = new ScreenBox(rect.Left, rect.Top, rect.Right, rect.Bottom);
        var offscreen = e.get_CurrentIsOffscreen() != 0 || box.Width <= 0 || box.Height <= 0;
        var role = RoleOf(type);
        var password = e.get_CurrentIsPassword() != 0;
        string? value = null;
        bool? isChecked = null;
        bool? selected = null;
        if (!password && e.GetCurrentPattern(UiaIds.ValuePattern) is var vp && vp != 0)
        {
            var pattern = (IUIAutomationValuePattern)Wrappers.GetOrCreateObjectForComInstance(vp, CreateObjectFlags.None);
            System.Runtime.InteropServices.Marshal.Release(vp);
            value = pattern.get_CurrentValue();
        }

        if (e.GetCurrentPattern(UiaIds.TogglePattern) is var tp && tp != 0)
        {
            var pattern = (IUIAutomationTogglePattern)Wrappers.GetOrCreateObjectForComInstance(tp, CreateObjectFlags.None);
            System.Runtime.InteropServices.Marshal.Release(tp);
            isChecked = pattern.get_CurrentToggleState() == UiaToggleState.On;
        }

        if (e.GetCurrentPattern(UiaIds.SelectionItemPattern) is var sp && sp != 0)
        {
            var pattern = (IUIAutomationSelectionItemPattern)Wrappers.GetOrCreateObjectForComInstance(sp, CreateObjectFlags.None);
            System.Runtime.InteropServices.Marshal.Release(sp);
            selected = pattern.get_CurrentIsSelected() != 0;
        }

        var name = e.get_CurrentName() ?? "";
        var automationId = e.get_CurrentAutomationId();
        return new UiElement
        {
            Ref = "uia:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Role = role,
            Name = name,
            Text = name,
            OwnText = name,
            Tag = e.get_CurrentLocalizedControlType(),
            InputType = password ? "password" : null,
            Id = string.IsNullOrEmpty(automationId) ? null : automationId,
            Value = value,
            States = new ElementStates
            {
                Checked = role is "checkbox" or "radio" ? isChecked ?? selected : null,
                Selected = role is "checkbox" or "radio" ? null : selected,
                Disabled = e.get_CurrentIsEnabled() == 0,
                Editable = role == "textbox" && !password,
                Focused = e.get_CurrentHasKeyboardFocus() != 0,
            },
            Box = box,
            VisibleBox = offscreen ? null : box,
            HitAtCentre = !offscreen,
            ClickPoint = offscreen ? null : box.Center,
            Interactive = e.get_CurrentIsKeyboardFocusable() != 0 || role is "button" or "checkbox" or "radio" or "textbox" or "link" or "menuitem" or "tab" or "option",
            Order = order,
        };
    }

    private static string RoleOf(int controlType) => controlType switch
    {
        UiaIds.Button => "button",
        UiaIds.CheckBox => "checkbox",
        UiaIds.ComboBox => "combobox",
        UiaIds.Edit => "textbox",
        UiaIds.Hyperlink => "link",
        UiaIds.ListItem => "option",
        UiaIds.List => "listbox",
        UiaIds.Menu => "menu",
        UiaIds.MenuItem => "menuitem",
        UiaIds.RadioButton => "radio",
        UiaIds.Slider => "slider",
        UiaIds.Spinner => "spinbutton",
        UiaIds.Tab => "tablist",
        UiaIds.TabItem => "tab",
        UiaIds.Text => "text",
        UiaIds.TreeItem => "treeitem",
        UiaIds.Window => "window",
        _ => "group",
    };

    private int Track(IUIAutomationElement element)
    {
        var id = _elements.Count + 1;
        _elements[id] = element;
        return id;
    }

    private static int? IdOf(string elementRef) =>
        elementRef.StartsWith("uia:", StringComparison.Ordinal) && int.TryParse(elementRef.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}
