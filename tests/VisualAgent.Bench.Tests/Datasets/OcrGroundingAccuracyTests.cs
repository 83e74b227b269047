using VisualAgent.Bench.Datasets;
using VisualAgent.Vision.Grounding;

namespace VisualAgent.Tests.Datasets;

/// <summary>The offline OCR grounder measured on the generated set: a small CI floor and the full benchmark.</summary>
public sealed class OcrGroundingAccuracyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    // Measured on the small set (orders + login, 1280x720): 21/22 = 0.955 text-labelled (the miss is "the Status
    // button", a borderless sort header whose text is also a field label). The floor leaves room for OCR jitter.
    private const double TextLabelledFloor = 0.8;

    [Fact]
    public async Task EvaluateAsync_OcrGrounderOnSmallSet_KeepsTextLabelledAccuracyAboveFloor()
    {
        var set = await fixture.SmallSetAsync();

        var result = await GroundingEvaluator.EvaluateAsync(new OcrGrounder(fixture.Ocr), set.AnnotationFile, null, TestContext.Current.CancellationToken);
        Report(result);

        Assert.True(result.TextLabelled.Total >= 10, $"only {result.TextLabelled.Total} text-labelled samples");
        Assert.True(result.TextLabelled.Accuracy >= TextLabelledFloor, result.ToString());
    }

    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task EvaluateAsync_OcrGrounderOnFullSet_ReportsAccuracyAndFailures()
    {
        var dir = Environment.GetEnvironmentVariable("VA_GROUNDING_OUT") is { Length: > 0 } d ? d : BrowserFixture.NewFolder("full-set");
        var set = await GroundingSetGenerator.GenerateAsync(
            fixture.Browser, fixture.Samples.BaseUrl, dir, new GroundingSetOptions(), new Progress<string>(output.WriteLine), TestContext.Current.CancellationToken);

        var result = await GroundingEvaluator.EvaluateAsync(new OcrGrounder(fixture.Ocr), set.AnnotationFile, null, TestContext.Current.CancellationToken);
        var misses = await GroundingFailureRenderer.RenderAsync(result, set.ImagesDir, Path.Combine(dir, "failures"), TestContext.Current.CancellationToken);
        Report(result);
        await File.WriteAllTextAsync(Path.Combine(dir, "summary.txt"), result + Environment.NewLine, TestContext.Current.CancellationToken);
        output.WriteLine($"{set.Samples} samples on {set.Screenshots} screenshots ({set.DroppedDuplicates} repeats dropped); {misses} misses drawn in {dir}/failures");

        Assert.True(result.TextLabelled.Accuracy >= 0.8, result.ToString());
    }

    private void Report(GroundingEvaluation result)
    {
        output.WriteLine(result.ToString());
        foreach (var miss in result.Results.Where(r => !r.Hit))
        {
            output.WriteLine($"MISS {miss.Sample.Id} [{miss.LabelKind}] \"{miss.Sample.Instruction}\" truth {miss.Truth} point {miss.Point} {miss.Raw ?? miss.Error}");
        }
    }
}
