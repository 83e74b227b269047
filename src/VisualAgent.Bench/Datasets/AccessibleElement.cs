namespace VisualAgent.Bench.Datasets;

/// <summary>One element as <see cref="Drivers.Web.Scripts.AccessibleElementScript.Query"/> reports it (box in screenshot pixels).</summary>
internal sealed record AccessibleElement
{
    /// <summary>Chromium's computed role: button, link, checkbox, radio, switch, tab, option, menuitem, treeitem, ...</summary>
    public string Role { get; init; } = "";

    public string Tag { get; init; } = "";

    /// <summary>The accessible name, whitespace collapsed and icon glyphs dropped.</summary>
    public string Name { get; init; } = "";

    /// <summary>The text drawn on the element itself (screen-reader-only text left out).</summary>
    public string OwnText { get; init; } = "";

    /// <summary>The drawn text of its label(s) (&lt;label&gt; or aria-labelledby).</summary>
    public string LabelText { get; init; } = "";

    /// <summary>own-text (the name is the text on it), label (the name is its label's text), icon (a name but no text
    /// shown), differs or unnamed.</summary>
    public string Naming { get; init; } = "";

    /// <summary>True when the name is also shown by another element on the screen.</summary>
    public bool TextElsewhere { get; init; }

    public double X1 { get; init; }

    public double Y1 { get; init; }

    public double X2 { get; init; }

    public double Y2 { get; init; }

    /// <summary>The element as the instruction writer sees it, or null when its name is not what it shows.</summary>
    public PageElement? ToPageElement()
    {
        var kind = Role switch
        {
            "link" => "link",
            "checkbox" => "checkbox",
            "radio" => "radio",
            "switch" => "switch",
            "tab" => "tab",
            "option" => "option",
            "menuitem" or "menuitemcheckbox" or "menuitemradio" => "menuitem",
            "treeitem" => "treeitem",
            "slider" => "slider",
            "combobox" => "select",
            "textbox" or "searchbox" or "spinbutton" => Tag == "textarea" ? "textarea" : "input",
            _ => "button",
        };
        var element = new PageElement { Kind = kind, Tag = Tag, TextElsewhere = TextElsewhere, X1 = X1, Y1 = Y1, X2 = X2, Y2 = Y2 };
        return Naming switch
        {
            "own-text" => element with { Text = Name },
            "label" => element with { Label = Name.TrimEnd(':', ' ') }, // "Phone:" is said "the Phone field"
            "icon" => element with { Aria = Name },
            _ => null,
        };
    }
}
