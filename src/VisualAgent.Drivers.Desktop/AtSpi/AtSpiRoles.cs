namespace VisualAgent.Drivers.Desktop.AtSpi;

/// <summary>AT-SPI role names onto the ARIA role names the agent's target resolver and checks use.</summary>
internal static class AtSpiRoles
{
    private static readonly Dictionary<string, string> Map = new(StringComparer.Ordinal)
    {
        ["push button"] = "button", ["button"] = "button", ["toggle button"] = "button", ["check box"] = "checkbox",
        ["radio button"] = "radio", ["entry"] = "textbox", ["password text"] = "textbox", ["label"] = "text", ["static"] = "text",
        ["caption"] = "text", ["paragraph"] = "paragraph", ["combo box"] = "combobox", ["spin button"] = "spinbutton",
        ["slider"] = "slider", ["link"] = "link", ["heading"] = "heading", ["menu item"] = "menuitem",
        ["check menu item"] = "menuitemcheckbox", ["radio menu item"] = "menuitemradio", ["tearoff menu item"] = "menuitem",
        ["menu"] = "menu", ["menu bar"] = "menubar", ["popup menu"] = "menu", ["page tab"] = "tab", ["page tab list"] = "tablist",
        ["list"] = "listbox", ["list box"] = "listbox", ["list item"] = "option", ["table cell"] = "gridcell", ["tree item"] = "treeitem",
        ["table"] = "grid", ["tree table"] = "treegrid", ["tree"] = "tree", ["table row"] = "row", ["table column header"] = "columnheader",
        ["column header"] = "columnheader", ["table row header"] = "rowheader", ["row header"] = "rowheader", ["icon"] = "img", ["image"] = "img",
        ["scroll bar"] = "scrollbar", ["tool bar"] = "toolbar", ["status bar"] = "status", ["progress bar"] = "progressbar",
        ["level bar"] = "meter", ["separator"] = "separator", ["dialog"] = "dialog", ["file chooser"] = "dialog", ["color chooser"] = "dialog",
        ["font chooser"] = "dialog", ["alert"] = "alertdialog", ["frame"] = "window", ["window"] = "window", ["panel"] = "group",
        ["filler"] = "group", ["scroll pane"] = "group", ["viewport"] = "group", ["layered pane"] = "group", ["split pane"] = "group",
        ["internal frame"] = "group", ["section"] = "group", ["form"] = "form", ["grouping"] = "group", ["tool tip"] = "tooltip",
        ["notification"] = "status", ["document frame"] = "document", ["document web"] = "document", ["canvas"] = "img",
        ["drawing area"] = "img", ["switch"] = "switch", ["header"] = "group", ["footer"] = "group", ["application"] = "application",
    };

    private static readonly HashSet<string> Controls =
    [
        "button", "checkbox", "radio", "textbox", "combobox", "spinbutton", "slider", "link", "menuitem", "menuitemcheckbox",
        "menuitemradio", "tab", "option", "treeitem", "switch", "searchbox",
    ];

    /// <summary>The ARIA role for an AT-SPI role ("text" is a field when it is editable, else text).</summary>
    public static string ToAria(string atspiRole, bool editable) => atspiRole switch
    {
        "text" or "text area" or "terminal" => editable ? "textbox" : "text",
        _ => Map.GetValueOrDefault(atspiRole, atspiRole),
    };

    /// <summary>Controls a user acts on.</summary>
    public static bool IsControl(string ariaRole) => Controls.Contains(ariaRole);

    /// <summary>The scope an ancestor of this role makes ("dialog" for windows, "group" for named panels...), or null.</summary>
    public static string? ScopeKind(string ariaRole) => ariaRole switch
    {
        "window" or "dialog" or "alertdialog" => "dialog",
        "group" or "form" => "group",
        "listbox" or "tree" or "menu" or "menubar" or "tablist" or "toolbar" => ariaRole,
        "grid" or "treegrid" => "grid",
        "row" => "row",
        _ => null,
    };
}
