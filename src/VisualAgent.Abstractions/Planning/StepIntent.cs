using System.Text.Json.Serialization;

namespace VisualAgent.Planning;

/// <summary>The verbs of a step decided in words (the offline step grammar, and a planner that needs a grounder).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepVerb>))]
public enum StepVerb
{
    [JsonStringEnumMemberName("open")] Open,
    [JsonStringEnumMemberName("click")] Click,
    [JsonStringEnumMemberName("double_click")] DoubleClick,
    [JsonStringEnumMemberName("right_click")] RightClick,
    [JsonStringEnumMemberName("type")] Type,
    [JsonStringEnumMemberName("select")] Select,
    [JsonStringEnumMemberName("check")] Check,
    [JsonStringEnumMemberName("uncheck")] Uncheck,
    [JsonStringEnumMemberName("press")] Press,
    [JsonStringEnumMemberName("scroll")] Scroll,
    [JsonStringEnumMemberName("hover")] Hover,
    [JsonStringEnumMemberName("upload")] Upload,
    [JsonStringEnumMemberName("wait_text")] WaitForText,
    [JsonStringEnumMemberName("wait_download")] WaitForDownload,
    [JsonStringEnumMemberName("wait")] Wait,
    [JsonStringEnumMemberName("verify")] Verify,
    [JsonStringEnumMemberName("back")] Back,
    [JsonStringEnumMemberName("done")] Done,
}

/// <summary>
/// One step decided in words: a verb, the target described as text ("Export CSV", "the Username field"), and the
/// value it needs (text to type, option, keys, URL, file, seconds, scroll direction). A grounder turns the target
/// into a point.
/// </summary>
public sealed record StepIntent(StepVerb Verb)
{
    /// <summary>The clause this step came from, as written (secrets still as {{secret:NAME}}).</summary>
    public string Source { get; init; } = "";

    /// <summary>The described target, or null for verbs that need none.</summary>
    public string? Target { get; init; }

    /// <summary>Text to type, option to select, URL to open, file to upload, text to wait for or verify.</summary>
    public string? Value { get; init; }

    /// <summary>Keys of a chord, lower case ("ctrl", "a").</summary>
    public IReadOnlyList<string>? Keys { get; init; }

    /// <summary>Seconds to wait, or the scroll amount in wheel pixels (positive = down).</summary>
    public double? Amount { get; init; }

    /// <summary>Press Enter after typing.</summary>
    public bool Submit { get; init; }
}
