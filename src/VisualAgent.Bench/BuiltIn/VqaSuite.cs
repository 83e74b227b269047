using static VisualAgent.Bench.BuiltIn.SuiteWriter;

namespace VisualAgent.Bench.BuiltIn;

/// <summary>
/// vqa-samples: 18 questions over the six drawn scenes, the receipt and the settings dialog, 10 answers each in VQAv2
/// style (answer variants as annotators write them), with VQAv2's "answer_type" (yes/no, number, other) as a group.
/// </summary>
internal static class VqaSuite
{
    private static readonly (SceneImage Image, string Question, string AnswerType, string[] Answers)[] _items =
    [
        (DrawnScenes.Street1, "What color is the car on the left?", "other", Ten(("red", 9), ("dark red", 1))),
        (DrawnScenes.Street1, "How many cars are there?", "number", Ten(("2", 8), ("two", 2))),
        (DrawnScenes.Street1, "Is there a tree in the picture?", "yes/no", Ten(("yes", 10))),
        (DrawnScenes.Street2, "How many green cars are there?", "number", Ten(("2", 9), ("two", 1))),
        (DrawnScenes.Street2, "What color is the car in the middle?", "other", Ten(("yellow", 10))),
        (DrawnScenes.Shapes1, "How many shapes are there?", "number", Ten(("3", 9), ("three", 1))),
        (DrawnScenes.Shapes1, "What shape is green?", "other", Ten(("triangle", 9), ("a triangle", 1))),
        (DrawnScenes.Shapes2, "How many circles are there?", "number", Ten(("2", 10))),
        (DrawnScenes.Shapes2, "Are there any triangles?", "yes/no", Ten(("no", 10))),
        (DrawnScenes.Shapes2, "What color is the square?", "other", Ten(("purple", 8), ("violet", 2))),
        (DrawnScenes.Town, "What is in the sky?", "other", Ten(("sun", 8), ("the sun", 2))),
        (DrawnScenes.Town, "How many people are there?", "number", Ten(("1", 8), ("one", 2))),
        (DrawnScenes.Town, "What color is the car?", "other", Ten(("black", 10))),
        (DrawnScenes.Parking, "How many red cars are there?", "number", Ten(("2", 10))),
        (DrawnScenes.Parking, "Is there a white car?", "yes/no", Ten(("yes", 10))),
        (OcrDocuments.Receipt.Render("clean", ""), "What is the total on the receipt?", "other", Ten(("14.75", 7), ("$14.75", 3))),
        (OcrDocuments.Receipt.Render("clean", ""), "What is the name of the store?", "other", Ten(("corner market", 9), ("corner market store", 1))),
        (OcrDocuments.Settings.Render("clean", ""), "When do quiet hours start?", "other", Ten(("22:00", 7), ("10 pm", 2), ("10pm", 1))),
    ];

    public static async Task WriteAsync(SceneRenderer renderer, string suitePath, CancellationToken ct)
    {
        var lines = new List<IReadOnlyDictionary<string, object?>>();
        var i = 0;
        foreach (var (scene, question, answerType, answers) in _items)
        {
            var image = await renderer.RenderAsync(scene, ct).ConfigureAwait(false);
            lines.Add(new Dictionary<string, object?>
            {
                ["id"] = $"vqa-{++i:D3}",
                ["image"] = image.RelativePath,
                ["question"] = question,
                ["answers"] = answers,
                ["answer_type"] = answerType,
            });
        }

        await SuiteWriter.WriteAsync(suitePath, lines, ct).ConfigureAwait(false);
    }
}
