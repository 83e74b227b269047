using System.Text.Json.Serialization;

namespace VisualAgent.Drivers;

/// <summary>How a recorded locator finds its element (Playwright's getBy* kinds, then CSS and XPath).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LocatorKind>))]
public enum LocatorKind
{
    [JsonStringEnumMemberName("testid")] TestId,
    [JsonStringEnumMemberName("role")] Role,
    [JsonStringEnumMemberName("placeholder")] Placeholder,
    [JsonStringEnumMemberName("label")] Label,
    [JsonStringEnumMemberName("alt")] Alt,
    [JsonStringEnumMemberName("text")] Text,
    [JsonStringEnumMemberName("title")] Title,
    [JsonStringEnumMemberName("id")] Id,
    [JsonStringEnumMemberName("css")] Css,
    [JsonStringEnumMemberName("xpath")] XPath,
}
