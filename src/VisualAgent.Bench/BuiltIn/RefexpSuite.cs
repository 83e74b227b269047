namespace VisualAgent.Bench.BuiltIn;

/// <summary>refexp-samples: 20 referring expressions over the six drawn scenes (RefCOCO style, bbox [x1, y1, x2, y2]).</summary>
internal static class RefexpSuite
{
    private static readonly (SceneImage Scene, string Object, string Expression)[] _items =
    [
        (DrawnScenes.Street1, "red-car", "the red car on the left"),
        (DrawnScenes.Street1, "blue-car", "the blue car on the right"),
        (DrawnScenes.Street1, "tree", "the tree between the two cars"),
        (DrawnScenes.Street2, "green-car-left", "the green car on the left"),
        (DrawnScenes.Street2, "green-car-right", "the green car on the right"),
        (DrawnScenes.Street2, "yellow-car", "the yellow car in the middle"),
        (DrawnScenes.Shapes1, "blue-circle", "the blue circle"),
        (DrawnScenes.Shapes1, "red-square", "the red square"),
        (DrawnScenes.Shapes1, "green-triangle", "the green triangle"),
        (DrawnScenes.Shapes2, "large-orange-circle", "the large orange circle"),
        (DrawnScenes.Shapes2, "small-orange-circle", "the small orange circle"),
        (DrawnScenes.Shapes2, "purple-square", "the purple square in the top right corner"),
        (DrawnScenes.Town, "sun", "the sun"),
        (DrawnScenes.Town, "house", "the house with the red roof"),
        (DrawnScenes.Town, "person", "the person standing in the middle"),
        (DrawnScenes.Town, "black-car", "the black car"),
        (DrawnScenes.Parking, "red-car-top", "the red car at the top"),
        (DrawnScenes.Parking, "red-car-bottom", "the red car at the bottom"),
        (DrawnScenes.Parking, "white-car", "the white car"),
        (DrawnScenes.Parking, "blue-car", "the blue car in the bottom left"),
    ];

    public static async Task WriteAsync(SceneRenderer renderer, string suitePath, CancellationToken ct)
    {
        var lines = new List<IReadOnlyDictionary<string, object?>>();
        var i = 0;
        foreach (var (scene, obj, expression) in _items)
        {
            var image = await renderer.RenderAsync(scene, ct).ConfigureAwait(false);
            lines.Add(new Dictionary<string, object?>
            {
                ["id"] = $"refexp-{++i:D3}",
                ["image"] = image.RelativePath,
                ["expression"] = expression,
                ["bbox"] = image.Box(obj),
                ["scene"] = scene.Name,
            });
        }

        await SuiteWriter.WriteAsync(suitePath, lines, ct).ConfigureAwait(false);
    }
}
