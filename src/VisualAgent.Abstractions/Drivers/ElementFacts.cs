using System.Text.Json.Serialization;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers;

/// <summary>
/// What the driver knows about the element at a point: evidence for the agent, the trajectory and the code generator.
/// Never holds the element's value (it may be a secret).
/// </summary>
public sealed record ElementFacts
{
    public string? Tag { get; init; }

    /// <summary>ARIA role (explicit or implicit), e.g. "button", "textbox", "link".</summary>
    public string? Role { get; init; }

    /// <summary>Accessible name.</summary>
    public string? Name { get; init; }

    /// <summary>Visible text, trimmed and shortened.</summary>
    public string? Text { get; init; }

    /// <summary>The element's box in screenshot pixels.</summary>
    public ScreenBox? Box { get; init; }

    /// <summary>
    /// The first entry of <see cref="Locators"/> that matched exactly this element (and that Playwright's engine resolved
    /// to it, when asked), in Playwright syntax, e.g. <c>getByRole('button', { name: 'Export CSV', exact: true })</c>:
    /// a readable summary of the one ranking for people and older readers, never a ranking of its own. A desktop
    /// driver puts its element path here.
    /// </summary>
    public string? Locator { get; init; }

    /// <summary>A CSS selector that matches the element uniquely (the fallback and Selenium's locator).</summary>
    public string? Css { get; init; }

    public string? TestId { get; init; }

    public string? Label { get; init; }

    public string? Placeholder { get; init; }

    /// <summary>For inputs: the type attribute ("text", "password", "file", ...).</summary>
    public string? InputType { get; init; }

    public bool Editable { get; init; }

    /// <summary>CSS selectors of the iframes that contain the element, outermost first; empty for the main frame.</summary>
    public IReadOnlyList<string> Frames { get; init; } = [];

    /// <summary>True when the element lives inside a shadow root.</summary>
    public bool InShadowDom { get; init; }

    /// <summary>
    /// Every way to find the element again, ranked best first by the driver when the step acted (test id, role + name,
    /// placeholder, label, alt, text, title, id, role, tag, nth, CSS, XPath); null when the driver has no DOM.
    /// </summary>
    public IReadOnlyList<ElementLocator>? Locators { get; init; }

    /// <summary>What the element was (role, name, test id, id, text, tag path), for healing.</summary>
    public ElementFingerprint? Fingerprint { get; init; }

    /// <summary>For desktop elements: application, window, role/name chain and automation id (replay and codegen).</summary>
    [JsonIgnore]
    public ElementPath? Path { get; init; }

    /// <summary>For a form field: where its form sends it (the form's resolved action URL); null outside a form.</summary>
    public string? FormAction { get; init; }

    /// <summary>
    /// The URL of the frame the element lives in, when it is not the page itself; for an iframe that could not be
    /// looked into (another origin), the iframe's own address.
    /// </summary>
    public string? FrameUrl { get; init; }

    [JsonIgnore]
    public bool IsPassword => string.Equals(InputType, "password", StringComparison.OrdinalIgnoreCase);
}
