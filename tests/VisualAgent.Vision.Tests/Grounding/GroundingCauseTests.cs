using System.Globalization;
using VisualAgent.Grounding;
using VisualAgent.Vision.Grounding;

namespace VisualAgent.Vision.Tests.Grounding;

/// <summary>
/// The causes of wrong pixel grounding on unfamiliar screens, one small page each (samples/web/grounding/*.html,
/// photographed by Chromium at 800x600 into Fixtures/grounding/; regenerate with
/// <c>dotnet run --project tests/VisualAgent.Bench.Tests -- -explicit only -class VisualAgent.Tests.Datasets.RegenerateGroundingFixtures</c>).
/// Every target of a page must be hit: the point inside the element's DOM box.
/// </summary>
public sealed class GroundingCauseTests(ITestOutputHelper output, OcrFixture fixture)
{
    [Fact]
    public Task GroundAsync_AdjacentControls_PointsInsideTheNamedOne() => AllHitAsync("adjacent");

    [Fact]
    public Task GroundAsync_SmallAndLowContrastText_IsRead() => AllHitAsync("reading");

    [Fact]
    public Task GroundAsync_FieldLabels_AnswerTheLabelledInput() => AllHitAsync("fields");

    [Fact]
    public Task GroundAsync_QuotedText_MatchesTheWholePhrase() => AllHitAsync("quoted");

    [Fact]
    public Task GroundAsync_TargetMentionedInProse_FindsTheControl() => AllHitAsync("prose");

    // Nothing on the page fits these: a legend and a button are not fields, a word in a sentence is not a button, a
    // heading that reads almost like the quoted phrase is not it. A wrong answer must not look certain.
    [Theory]
    [InlineData("fields", "the Contact field")]
    [InlineData("fields", "the Verify field")]
    [InlineData("prose", "the Pictures button")]
    [InlineData("quoted", "click \"Save searches\"")]
    public async Task GroundAsync_NothingFitsTheDescription_RefusesOrDoubts(string page, string instruction)
    {
        var shot = Fixture.Screenshot(Path.Combine("grounding", page + ".png"));

        var result = await new OcrGrounder(fixture.Ocr).GroundAsync(new GroundingRequest(shot, instruction), TestContext.Current.CancellationToken);
        output.WriteLine($"{result.Found} {result.Point} {result.Confidence} {result.Raw ?? result.Error}");

        Assert.True(!result.Found || result.Confidence < 0.85, $"answered with confidence {result.Confidence}: {result.Raw}");
    }

    private async Task AllHitAsync(string page)
    {
        var grounder = new OcrGrounder(fixture.Ocr);
        var shot = Fixture.Screenshot(Path.Combine("grounding", page + ".png"));
        var misses = new List<string>();
        foreach (var target in CauseTarget.Load(page))
        {
            var result = await grounder.GroundAsync(new GroundingRequest(shot, target.Instruction), TestContext.Current.CancellationToken);
            var hit = result.Found && target.Truth.Contains(result.Point);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{(hit ? "hit " : "MISS")} \"{target.Instruction}\" truth {target.Truth} -> {(result.Found ? result.Point.ToString() : "not found")} conf {result.Confidence:0.00} {result.Raw ?? result.Error}");
            output.WriteLine(line);
            if (!hit)
            {
                misses.Add(line);
            }
        }

        Assert.True(misses.Count == 0, $"{misses.Count} miss(es) on {page}:\n" + string.Join('\n', misses));
    }
}
