using Microsoft.Playwright;
using VisualAgent.Drivers;

namespace VisualAgent.Codegen.Writers;

/// <summary>Playwright's getBy* calls for a recorded locator, in C#, TypeScript or Python spelling.</summary>
internal static class PlaywrightLocators
{
    public enum Language
    {
        CSharp,
        TypeScript,
        Python,
    }

    /// <summary>True when Playwright has a getByRole role of this name (it has no "label", "text" or "generic" role).</summary>
    public static bool Usable(ElementLocator locator) =>
        locator.Kind != LocatorKind.Role || Enum.TryParse<AriaRole>(locator.Role, ignoreCase: true, out _);

    public static string Render(ElementLocator l, Language lang, string page = "page")
    {
        var q = (Func<string, string>)Quote;
        var scope = page;
        foreach (var frame in l.Frames ?? [])
        {
            scope += lang switch
            {
                Language.CSharp => $".FrameLocator({q(frame)})",
                Language.TypeScript => $".frameLocator({q(frame)})",
                _ => $".frame_locator({q(frame)})",
            };
        }

        var exact = lang switch { Language.CSharp => "Exact = true", Language.TypeScript => "exact: true", _ => "exact=True" };
        string Opt(string inner) => lang switch
        {
            Language.CSharp => $", new() {{ {inner} }}",
            Language.TypeScript => $", {{ {inner} }}",
            _ => $", {inner}",
        };
        string Call(string cs, string ts, string py, string args) => lang switch
        {
            Language.CSharp => $".{cs}({args})",
            Language.TypeScript => $".{ts}({args})",
            _ => $".{py}({args})",
        };

        var call = l.Kind switch
        {
            LocatorKind.TestId => Call("GetByTestId", "getByTestId", "get_by_test_id", q(l.Value)),
            LocatorKind.Role => Role(l, lang, exact),
            LocatorKind.Placeholder => Call("GetByPlaceholder", "getByPlaceholder", "get_by_placeholder", q(l.Value) + Opt(exact)),
            LocatorKind.Label => Call("GetByLabel", "getByLabel", "get_by_label", q(l.Value) + Opt(exact)),
            LocatorKind.Alt => Call("GetByAltText", "getByAltText", "get_by_alt_text", q(l.Value) + Opt(exact)),
            LocatorKind.Text => Call("GetByText", "getByText", "get_by_text", q(l.Value) + Opt(exact)),
            LocatorKind.Title => Call("GetByTitle", "getByTitle", "get_by_title", q(l.Value) + Opt(exact)),
            LocatorKind.Id => Call("Locator", "locator", "locator", q(l.Css ?? "#" + l.Value)),
            LocatorKind.Css => Call("Locator", "locator", "locator", q(l.Value)),
            _ => Call("Locator", "locator", "locator", q("xpath=" + l.Value)),
        };
        if (l.Nth is { } nth)
        {
            call += Call("Nth", "nth", "nth", nth.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return scope + call;
    }

    private static string Role(ElementLocator l, Language lang, string exact)
    {
        var role = Enum.Parse<AriaRole>(l.Role!, ignoreCase: true);
        var name = l.Name ?? l.Value;
        return lang switch
        {
            Language.CSharp => name.Length == 0 ? $".GetByRole(AriaRole.{role})" : $".GetByRole(AriaRole.{role}, new() {{ Name = {Quote(name)}, {exact} }})",
            Language.TypeScript => name.Length == 0 ? $".getByRole('{l.Role}')" : $".getByRole('{l.Role}', {{ name: {Quote(name)}, {exact} }})",
            _ => name.Length == 0 ? $".get_by_role(\"{l.Role}\")" : $".get_by_role(\"{l.Role}\", name={Quote(name)}, {exact})",
        };
    }

    private static string Quote(string value) => ScriptLiterals.Quote(value);
}
