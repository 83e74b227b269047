namespace VisualAgent.Drivers;

/// <summary>
/// One way to find a recorded element again, as the web driver ranked it when the step acted (best first): a kind
/// and its value (<see cref="Role"/> and <see cref="Name"/> for role locators), whether the text must match exactly,
/// which match (<see cref="Nth"/>, 0-based) when the kind alone matches several, and whether it matched exactly this one
/// element then. <see cref="Css"/> / <see cref="XPath"/> say the same for Selenium, when an equivalent exists and was
/// checked to find the same element.
/// </summary>
public sealed record ElementLocator
{
    public required LocatorKind Kind { get; init; }

    /// <summary>The test id, text, label, placeholder, alt, title, id, CSS or XPath; for a role locator, the name ("" for role alone).</summary>
    public required string Value { get; init; }

    public string? Role { get; init; }

    public string? Name { get; init; }

    public bool Exact { get; init; } = true;

    public int? Nth { get; init; }

    /// <summary>Matched exactly the recorded element when recorded (with <see cref="Nth"/>, the nth match is it).</summary>
    public bool Unique { get; init; }

    /// <summary>
    /// What Playwright's own engine said when the step was recorded: true when this locator (as scripts and replay
    /// write it) resolved to exactly the recorded element, false when it resolved to none, several or another one
    /// (<see cref="Unique"/> is then false too), null when it was not asked (only the top entries are, within a budget).
    /// </summary>
    [System.Text.Json.Serialization.JsonPropertyName("playwright")]
    public bool? Playwright { get; init; }

    /// <summary>A Selenium CSS selector equivalent to this locator that found the same element, when one exists.</summary>
    public string? Css { get; init; }

    /// <summary>A Selenium XPath equivalent to this locator that found the same element, when no CSS one exists.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("xpath")]
    public string? XPath { get; init; }

    /// <summary>CSS selectors of the iframes around the element, outermost first (empty in the main frame).</summary>
    public IReadOnlyList<string>? Frames { get; init; }
}
