using static VisualAgent.Bench.BuiltIn.SuiteWriter;

namespace VisualAgent.Bench.BuiltIn;

/// <summary>multi-image-samples: 10 questions that need two or three of the drawn pictures ("images": [...], VQA answers).</summary>
internal static class MultiImageSuite
{
    private static readonly SceneImage _receipt = OcrDocuments.Receipt.Render("clean", "");
    private static readonly SceneImage _settings = OcrDocuments.Settings.Render("clean", "");

    private static readonly (SceneImage[] Images, string Question, string AnswerType, string[] Answers)[] _items =
    [
        ([DrawnScenes.Street1, DrawnScenes.Street2], "How many cars are there in the two images together?", "number", Ten(("5", 9), ("five", 1))),
        ([DrawnScenes.Street1, DrawnScenes.Parking], "Which image has more cars?", "other", Ten(("second", 6), ("the second", 2), ("second image", 2))),
        ([DrawnScenes.Shapes1, DrawnScenes.Shapes2], "Which image has a triangle?", "other", Ten(("first", 7), ("first image", 3))),
        ([DrawnScenes.Shapes1, DrawnScenes.Shapes2], "How many circles are there in both images together?", "number", Ten(("3", 10))),
        ([DrawnScenes.Street1, DrawnScenes.Town], "Is there a tree in both images?", "yes/no", Ten(("no", 10))),
        ([DrawnScenes.Town, DrawnScenes.Parking], "What color is the car in the first image?", "other", Ten(("black", 10))),
        ([_receipt, _settings], "Which image shows a receipt?", "other", Ten(("first", 8), ("the first one", 2))),
        ([DrawnScenes.Street2, DrawnScenes.Parking], "Do both images show a yellow car?", "yes/no", Ten(("no", 10))),
        ([DrawnScenes.Shapes2, DrawnScenes.Town], "Which image shows a person?", "other", Ten(("second", 8), ("second image", 2))),
        ([DrawnScenes.Street1, DrawnScenes.Street2, DrawnScenes.Shapes1], "How many of the images show cars?", "number", Ten(("2", 9), ("two", 1))),
    ];

    public static async Task WriteAsync(SceneRenderer renderer, string suitePath, CancellationToken ct)
    {
        var lines = new List<IReadOnlyDictionary<string, object?>>();
        var i = 0;
        foreach (var (images, question, answerType, answers) in _items)
        {
            var paths = new List<string>();
            foreach (var image in images)
            {
                paths.Add((await renderer.RenderAsync(image, ct).ConfigureAwait(false)).RelativePath);
            }

            lines.Add(new Dictionary<string, object?>
            {
                ["id"] = $"multi-{++i:D3}",
                ["images"] = paths,
                ["question"] = question,
                ["answers"] = answers,
                ["answer_type"] = answerType,
                ["image_count"] = paths.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        await SuiteWriter.WriteAsync(suitePath, lines, ct).ConfigureAwait(false);
    }
}
