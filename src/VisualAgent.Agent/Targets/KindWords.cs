namespace VisualAgent.Agent.Targets;

/// <summary>The kind words people write for elements, and the ARIA roles each stands for (as Playwright's getByRole sees them).</summary>
public static class KindWords
{
    private static readonly HashSet<string> Fields = ["textbox", "searchbox", "combobox", "spinbutton"];

    private static readonly (string Word, string[] Roles)[] Table =
    [
        ("column header", ["columnheader"]), ("row header", ["rowheader"]), ("menu item", ["menuitem", "menuitemcheckbox", "menuitemradio"]),
        ("menuitem", ["menuitem", "menuitemcheckbox", "menuitemradio"]), ("radio button", ["radio", "menuitemradio"]),
        ("option button", ["radio"]), ("check box", ["checkbox", "menuitemcheckbox"]), ("checkbox", ["checkbox", "menuitemcheckbox"]),
        ("toggle button", ["button", "switch"]), ("text field", [.. Fields]), ("text box", [.. Fields]), ("textbox", [.. Fields]),
        ("text area", ["textbox"]), ("textarea", ["textbox"]), ("search box", ["searchbox", "textbox", "combobox"]),
        ("search field", ["searchbox", "textbox", "combobox"]), ("input field", [.. Fields]), ("input", [.. Fields]),
        ("field", [.. Fields]), ("box", [.. Fields]), ("entry", [.. Fields]), ("drop-down", ["combobox", "listbox", "button"]),
        ("dropdown", ["combobox", "listbox", "button"]), ("drop down", ["combobox", "listbox", "button"]), ("combo box", ["combobox"]),
        ("combobox", ["combobox"]), ("select", ["combobox", "listbox"]), ("list box", ["listbox"]), ("listbox", ["listbox"]),
        ("spin button", ["spinbutton"]), ("spinbutton", ["spinbutton"]), ("spinner", ["spinbutton"]), ("slider", ["slider"]),
        ("thumb", ["slider"]), ("switch", ["switch", "checkbox", "button"]), ("toggle", ["switch", "checkbox", "button"]),
        ("radio", ["radio", "menuitemradio"]), ("button", ["button"]), ("link", ["link"]), ("tab", ["tab"]),
        ("option", ["option", "menuitemradio", "radio"]), ("tree item", ["treeitem"]), ("folder", ["treeitem"]), ("file", ["treeitem", "link"]),
        ("row", ["row"]), ("cell", ["cell", "gridcell"]), ("column", ["columnheader"]), ("heading", ["heading"]), ("header", ["columnheader", "heading"]),
        ("image", ["img"]), ("icon", ["img", "button"]), ("picture", ["img"]), ("logo", ["img", "link"]), ("menu", ["button", "menuitem", "menu", "menubar"]),
    ];

    /// <summary>The kind words, longest first (so "radio button" wins over "button").</summary>
    public static IEnumerable<string> Words => Table.Select(t => t.Word).OrderByDescending(w => w.Length);

    /// <summary>The roles of a kind word; empty when the word is not a kind.</summary>
    public static IReadOnlySet<string> RolesOf(string word)
    {
        var w = word.Trim().ToLowerInvariant();
        foreach (var (kind, roles) in Table)
        {
            if (kind == w || kind + "s" == w || (kind.EndsWith('x') && kind + "es" == w))
            {
                return roles.ToHashSet(StringComparer.Ordinal);
            }
        }

        return new HashSet<string>();
    }

    /// <summary>True for roles a user types into.</summary>
    public static bool IsField(string role) => Fields.Contains(role);

    /// <summary>The scope roles a scope word stands for ("row", "list", "grid", "dialog", "section"...); null for any.</summary>
    public static IReadOnlySet<string>? ScopeRoles(string? word) => word?.ToLowerInvariant() switch
    {
        null => null,
        "row" => new HashSet<string> { "row" },
        "list" => new HashSet<string> { "list", "listbox", "menu", "tree", "radiogroup", "group" },
        "grid" or "table" => new HashSet<string> { "grid", "table", "treegrid" },
        "dialog" or "window" or "popup" or "modal" => new HashSet<string> { "dialog", "alertdialog" },
        "menu" => new HashSet<string> { "menu", "menubar" },
        "toolbar" => new HashSet<string> { "toolbar" },
        "tree" => new HashSet<string> { "tree", "treeitem" },
        "tab" or "panel" or "tab panel" => new HashSet<string> { "tabpanel" },
        "form" => new HashSet<string> { "form", "group", "region" },
        _ => new HashSet<string> { "heading", "region", "group", "radiogroup", "form", "dialog", "navigation", "complementary", "main", "tabpanel", "section" },
    };
}
