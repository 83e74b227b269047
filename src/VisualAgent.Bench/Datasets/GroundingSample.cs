using System.Text.Json.Serialization;
using VisualAgent.Geometry;

namespace VisualAgent.Bench.Datasets;

/// <summary>
/// One grounding annotation in ScreenSpot-Pro style: <see cref="Bbox"/> is [x1, y1, x2, y2] in pixels of the image
/// named by <see cref="ImgFilename"/> (relative to the images folder) when <see cref="ImgSize"/> is present.
/// </summary>
internal sealed record GroundingSample
{
    [JsonPropertyName("img_filename")]
    public required string ImgFilename { get; init; }

    [JsonPropertyName("bbox")]
    public required IReadOnlyList<double> Bbox { get; init; }

    /// <summary>[width, height] of the image; its presence makes <see cref="Bbox"/> corners rather than x, y, w, h.</summary>
    [JsonPropertyName("img_size")]
    public IReadOnlyList<int>? ImgSize { get; init; }

    [JsonPropertyName("instruction")]
    public required string Instruction { get; init; }

    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("application")]
    public string? Application { get; init; }

    [JsonPropertyName("platform")]
    public string? Platform { get; init; }

    /// <summary>"text" (the target shows text) or "icon".</summary>
    [JsonPropertyName("ui_type")]
    public string? UiType { get; init; }

    [JsonPropertyName("group")]
    public string? Group { get; init; }

    /// <summary>The element kind: button, link, input, textarea, select, checkbox, radio, slider, file, canvas.</summary>
    [JsonPropertyName("data_type")]
    public string? DataType { get; init; }

    /// <summary><see cref="LabelKinds"/>: how the instruction names the target.</summary>
    [JsonPropertyName("label_kind")]
    public string? LabelKind { get; init; }

    /// <summary>The target box in image pixels: corners when <see cref="ImgSize"/> is present (ScreenSpot-Pro), else
    /// x, y, w, h (ScreenSpot, v2); <paramref name="corners"/> overrides.</summary>
    public ScreenBox TargetBox(bool? corners = null)
    {
        if (Bbox.Count != 4)
        {
            throw new FormatException($"Sample {Id ?? Instruction}: bbox has {Bbox.Count} numbers, not 4.");
        }

        return corners ?? ImgSize is not null
            ? ScreenBox.FromCorners(Bbox[0], Bbox[1], Bbox[2], Bbox[3])
            : ScreenBox.FromXywh(Bbox[0], Bbox[1], Bbox[2], Bbox[3]);
    }
}
