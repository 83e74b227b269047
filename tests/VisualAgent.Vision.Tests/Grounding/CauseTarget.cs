using System.Text.Json;
using VisualAgent.Geometry;

namespace VisualAgent.Vision.Tests.Grounding;

/// <summary>One target of a cause page (samples/web/grounding/NAME.html, photographed into Fixtures/grounding/NAME.png
/// with its targets' DOM boxes in NAME.json).</summary>
internal sealed record CauseTarget(string Instruction, IReadOnlyList<double> Box)
{
    public ScreenBox Truth => ScreenBox.FromCorners(Box[0], Box[1], Box[2], Box[3]);

    public static IReadOnlyList<CauseTarget> Load(string page) =>
        JsonSerializer.Deserialize<List<CauseTarget>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "grounding", page + ".json")), JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException($"Fixtures/grounding/{page}.json is empty.");

    public override string ToString() => Instruction;
}
