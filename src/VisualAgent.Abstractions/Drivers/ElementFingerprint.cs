namespace VisualAgent.Drivers;

/// <summary>What a recorded element was, for finding it again when every locator failed (healing).</summary>
public sealed record ElementFingerprint
{
    public string? Role { get; init; }

    public string? Name { get; init; }

    [System.Text.Json.Serialization.JsonPropertyName("testid")]
    public string? TestId { get; init; }

    public string? Id { get; init; }

    public string? Text { get; init; }

    /// <summary>Tag names from the root (at most 12 deep), e.g. "html>body>main>form>button".</summary>
    public string? TagPath { get; init; }
}
