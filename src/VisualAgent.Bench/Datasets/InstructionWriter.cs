namespace VisualAgent.Bench.Datasets;

/// <summary>
/// Turns the elements of one screenshot into instructions. Buttons and links are named by their text ("Export CSV"),
/// or "the Status button" when that text is also shown elsewhere on the screen; fields by their label ("the Username
/// field", "the Status dropdown"); checkboxes and radios by their label text. Identical instructions on one screenshot
/// get ordinals in reading order ("the second View button"); instances past <c>maxOrdinal</c> are dropped.
/// </summary>
internal static class InstructionWriter
{
    private const int MaxTextLength = 60;

    private static readonly string[] OrdinalWords =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    public static int MaxOrdinal => OrdinalWords.Length;

    /// <summary>Instructions for elements given in reading order; elements with no usable name are left out.</summary>
    public static List<(PageElement Element, Naming Naming, string Instruction)> Write(
        IEnumerable<PageElement> elements, int maxOrdinal, out int dropped)
    {
        var named = elements.Select(e => (Element: e, Naming: Name(e))).Where(x => x.Naming is not null)
            .Select(x => (x.Element, Naming: x.Naming!)).ToList();
        var counts = named.GroupBy(x => x.Naming.Plain, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var result = new List<(PageElement, Naming, string)>();
        dropped = 0;
        var limit = Math.Min(maxOrdinal, MaxOrdinal);
        foreach (var (element, naming) in named)
        {
            if (counts[naming.Plain] == 1)
            {
                result.Add((element, naming, naming.Plain));
                continue;
            }

            var n = seen[naming.Plain] = seen.GetValueOrDefault(naming.Plain) + 1;
            if (n > limit)
            {
                dropped++;
                continue;
            }

            result.Add((element, naming, $"the {OrdinalWords[n - 1]} {naming.Core} {naming.KindWord}"));
        }

        return result;
    }

    /// <summary>How an element is named, or null when it shows nothing to name it by.</summary>
    public static Naming? Name(PageElement e)
    {
        e = e with { Text = Clean(e.Text), Label = Clean(e.Label), Aria = Clean(e.Aria), Placeholder = Clean(e.Placeholder) };
        var kindWord = e.Kind switch
        {
            "link" => "link",
            "select" => "dropdown",
            "checkbox" => "checkbox",
            "radio" => "radio",
            "slider" => "slider",
            "switch" => "switch",
            "tab" => "tab",
            "option" => "option",
            "menuitem" => "menu item",
            "treeitem" => "tree item",
            "input" or "textarea" or "file" => "field",
            _ => "button",
        };
        Naming? naming = e.Kind switch
        {
            "button" or "link" or "canvas" or "tab" or "option" or "menuitem" or "treeitem" when Usable(e.Text) =>
                new(e.Text, kindWord, LabelKinds.TextLabelled, "text", Bare: !e.TextElsewhere),
            "checkbox" or "radio" or "switch" when Usable(e.Label) =>
                new(e.Label, kindWord, LabelKinds.TextLabelled, "text", Bare: !e.TextElsewhere),
            "checkbox" or "radio" or "switch" when Usable(e.Text) =>
                new(e.Text, kindWord, LabelKinds.TextLabelled, "text", Bare: !e.TextElsewhere),
            "input" or "textarea" or "select" or "slider" or "file" when Usable(e.Label) =>
                new(e.Label, kindWord, LabelKinds.FieldLabel, "text", Bare: false),
            "input" or "textarea" when Usable(e.Placeholder) =>
                new(e.Placeholder, kindWord, LabelKinds.Other, "text", Bare: false),
            _ when Usable(e.Aria) => new(e.Aria, kindWord, LabelKinds.Other, "icon", Bare: false),
            _ => null,
        };
        return naming;
    }

    // Decorations such as sort arrows ("Order ID ▲") are not part of a name a person would say.
    private static string Clean(string text) =>
        string.Join(' ', new string(text.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.OtherSymbol).ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static bool Usable(string text) => text.Length is > 0 and <= MaxTextLength && text.Any(char.IsLetterOrDigit);

    /// <summary>The parts of an element's name: its text, the kind word, and whether the text alone is the instruction.</summary>
    internal sealed record Naming(string Core, string KindWord, string LabelKind, string UiType, bool Bare)
    {
        public string Plain => Bare ? Core : $"the {Core} {KindWord}";
    }
}
