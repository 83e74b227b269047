using VisualAgent.Bench.Datasets;
using VisualAgent.Geometry;
using VisualAgent.Grounding;

namespace VisualAgent.Tests.Datasets;

public sealed class GroundingEvaluatorTests
{
    // A 1x1 PNG is enough: the fake grounder never looks at pixels.
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    [Fact]
    public async Task EvaluateAsync_PointsOnEdgeInsideOutsideAndRefusal_ScoresEdgesAsHitsAndRefusalAsMiss()
    {
        var dir = BrowserFixture.NewFolder("eval");
        Directory.CreateDirectory(Path.Combine(dir, "images"));
        await File.WriteAllBytesAsync(Path.Combine(dir, "images", "a.png"), TinyPng, TestContext.Current.CancellationToken);
        GroundingSample Sample(string instruction, string kind) => new()
        {
            ImgFilename = "a.png", Bbox = [10, 10, 20, 20], ImgSize = [100, 100], Instruction = instruction, Id = instruction, LabelKind = kind,
        };
        var file = Path.Combine(dir, "set.json");
        await GroundingSetFile.WriteAsync(file, [Sample("edge", LabelKinds.TextLabelled), Sample("inside", LabelKinds.TextLabelled),
            Sample("outside", LabelKinds.FieldLabel), Sample("refuse", LabelKinds.FieldLabel)], TestContext.Current.CancellationToken);
        var grounder = new FakeGrounder(i => i switch
        {
            "edge" => Point(20, 10),
            "inside" => Point(15, 15),
            "outside" => Point(20.5, 15),
            _ => GroundingResult.NotFound("no"),
        });

        var result = await GroundingEvaluator.EvaluateAsync(grounder, file, null, TestContext.Current.CancellationToken);

        Assert.Equal([true, true, false, false], result.Results.Select(r => r.Hit));
        Assert.Equal(0.5, result.Overall.Accuracy);
        Assert.Equal(1.0, result.TextLabelled.Accuracy);
        Assert.Equal(new AccuracyFigure(0, 2), result.ByLabelKind[LabelKinds.FieldLabel]);
        Assert.Equal(new AccuracyFigure(0, 2), result.NotTextLabelled);
        Assert.Equal(TimeSpan.FromMilliseconds(25), result.MedianLatency);
        Assert.Equal(TimeSpan.FromMilliseconds(100), result.MedianTotalPerScreenshot);
    }

    [Fact]
    public void TargetBox_WithoutImgSize_ReadsXywh()
    {
        var sample = new GroundingSample { ImgFilename = "a.png", Bbox = [10, 20, 30, 40], Instruction = "x" };

        Assert.Equal(new ScreenBox(10, 20, 40, 60), sample.TargetBox());
        Assert.Equal(new ScreenBox(10, 20, 30, 40), sample.TargetBox(corners: true));
    }

    private static GroundingResult Point(double x, double y) => new() { Found = true, Point = new ScreenPoint(x, y), Confidence = 1 };

    private sealed class FakeGrounder(Func<string, GroundingResult> answer) : IGrounder
    {
        public string Name => "fake";

        public Task<GroundingResult> GroundAsync(GroundingRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(answer(request.Instruction) with { Latency = TimeSpan.FromMilliseconds(25) });
    }
}
