using VisualAgent.Geometry;

namespace VisualAgent.Bench.BuiltIn;

/// <summary>A rendered picture: its file name under images/, its size and the annotated boxes by id (screenshot pixels).</summary>
internal sealed record RenderedImage(string FileName, PixelSize Size, IReadOnlyDictionary<string, ScreenBox> Boxes)
{
    /// <summary>The path written into suite lines: relative to the suite file.</summary>
    public string RelativePath => "images/" + FileName;

    public double[] Box(string id) => Boxes.TryGetValue(id, out var b)
        ? b.ToArray()
        : throw new InvalidOperationException($"{FileName} has no element data-box=\"{id}\".");
}
