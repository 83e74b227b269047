using System.Globalization;

namespace VisualAgent.Drivers.Web;

/// <summary>
/// A ranked locator written in Playwright's (JavaScript) syntax, e.g. <c>getByRole('button', { name: 'Save', exact: true })</c>,
/// for <see cref="ElementFacts.Locator"/>: the one ranking's best entry, readable by people and by older readers.
/// </summary>
internal static class LocatorText
{
    /// <summary>The first entry that matched exactly the element (and that Playwright resolved to it when asked), written out; null when none did.</summary>
    public static string? Best(IReadOnlyList<ElementLocator> ranked, IReadOnlyList<string> frames) =>
        ranked.FirstOrDefault(l => l.Unique && l.Playwright != false) is { } best ? Render(best, frames) : null;

    public static string Render(ElementLocator l, IReadOnlyList<string> frames)
    {
        ArgumentNullException.ThrowIfNull(l);
        var scope = string.Concat(frames.Select(f => $"locator({Quote(f)}).contentFrame()."));
        var call = l.Kind switch
        {
            LocatorKind.TestId => $"getByTestId({Quote(l.Value)})",
            LocatorKind.Role when string.IsNullOrEmpty(l.Name) => $"getByRole('{l.Role}')",
            LocatorKind.Role => $"getByRole('{l.Role}', {{ name: {Quote(l.Name ?? l.Value)}{Exact(l)} }})",
            LocatorKind.Placeholder => $"getByPlaceholder({Quote(l.Value)}{ExactOption(l)})",
            LocatorKind.Label => $"getByLabel({Quote(l.Value)}{ExactOption(l)})",
            LocatorKind.Alt => $"getByAltText({Quote(l.Value)}{ExactOption(l)})",
            LocatorKind.Text => $"getByText({Quote(l.Value)}{ExactOption(l)})",
            LocatorKind.Title => $"getByTitle({Quote(l.Value)}{ExactOption(l)})",
            LocatorKind.Id => $"locator({Quote(l.Css ?? "#" + l.Value)})",
            LocatorKind.Css => $"locator({Quote(l.Value)})",
            _ => $"locator({Quote("xpath=" + l.Value)})",
        };
        return scope + call + (l.Nth is { } nth ? ".nth(" + nth.ToString(CultureInfo.InvariantCulture) + ")" : "");
    }

    private static string Exact(ElementLocator l) => l.Exact ? ", exact: true" : "";

    private static string ExactOption(ElementLocator l) => l.Exact ? ", { exact: true }" : "";

    /// <summary>A JavaScript single-quoted string literal.</summary>
    public static string Quote(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal) + "'";
}
