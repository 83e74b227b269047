using System.Text.Json;
using System.Text.Json.Serialization;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Web;

/// <summary>What <see cref="ElementScript.Describe"/> returns: CSS pixels of the top frame (box) and of the element's own frame (centre).</summary>
internal sealed record RawElement
{
    private static readonly JsonSerializerOptions _json = new() { PropertyNameCaseInsensitive = true };

    public string? Tag { get; init; }
    public string? Role { get; init; }
    public string? Name { get; init; }
    public string? Text { get; init; }
    public double Left { get; init; }
    public double Top { get; init; }
    public double Width { get; init; }
    public double Height { get; init; }
    public double Cx { get; init; }
    public double Cy { get; init; }
    public string? TestId { get; init; }
    public string? Label { get; init; }
    public string? Placeholder { get; init; }
    public string? InputType { get; init; }
    public bool Editable { get; init; }
    public IReadOnlyList<string> Frames { get; init; } = [];
    public bool InShadow { get; init; }
    public string? Css { get; init; }
    public string? FormAction { get; init; }
    public string? FrameUrl { get; init; }

    /// <summary>The ranked locators of Scripts/locators.js (empty when the ranking failed: <see cref="RankError"/>).</summary>
    public IReadOnlyList<ElementLocator> Locators { get; init; } = [];

    public ElementFingerprint? Fingerprint { get; init; }

    public string? RankError { get; init; }

    /// <summary>Elements in the top document (a giant page gets cheap locators only).</summary>
    public int PageSize { get; init; }

    [JsonIgnore]
    public bool IsSelect => string.Equals(Tag, "select", StringComparison.Ordinal);

    public static RawElement? From(JsonElement? json) =>
        json is { ValueKind: JsonValueKind.Object } value ? value.Deserialize<RawElement>(_json) : null;

    /// <summary>The facts, <see cref="ElementFacts.Locator"/> being the best of <see cref="Locators"/> written out.</summary>
    public ElementFacts ToFacts(double deviceScaleFactor) => new()
    {
        Tag = Tag,
        Role = Role,
        Name = Name,
        Text = Text,
        Box = CoordinateMapper.ToScreen(Left, Top, Width, Height, deviceScaleFactor),
        Locator = LocatorText.Best(Locators, Frames),
        Css = Css,
        TestId = TestId,
        Label = Label,
        Placeholder = Placeholder,
        InputType = InputType,
        Editable = Editable,
        Frames = Frames,
        InShadowDom = InShadow,
        Locators = Frames.Count == 0 ? Locators : [.. Locators.Select(l => l with { Frames = Frames })],
        Fingerprint = Fingerprint,
        FormAction = FormAction,
        FrameUrl = FrameUrl,
    };
}
