using VisualAgent.Geometry;
using VisualAgent.Grounding;
using VisualAgent.Vision.Grounding;
using VisualAgent.Vision.Ocr;
using VisualAgent.Vision.Tests;

namespace VisualAgent.Vision.Tests.Grounding;

public sealed class OcrGrounderTests(ITestOutputHelper output, OcrFixture fixture)
{
    private readonly TesseractOcr _ocr = fixture.Ocr;

    [Theory]
    [InlineData("form.png", "click \"Export CSV\"", 121, 218, 237, 255)]
    [InlineData("form.png", "the Export CSV button", 121, 218, 237, 255)]
    [InlineData("form.png", "click the Sign in button", 22, 216, 114, 255)]
    [InlineData("form.png", "the Username field", 142, 63, 380, 99)]
    [InlineData("form.png", "type \"bob\" into the Password field", 142, 105, 380, 141)]
    [InlineData("form.png", "the Email address field", 24, 170, 258, 202)]
    [InlineData("form.png", "the second Edit button", 238, 311, 271, 329)]
    [InlineData("form.png", "the first Edit link", 238, 279, 271, 297)]
    [InlineData("form.png", "the Save button at the bottom", 22, 352, 94, 389)]
    [InlineData("form.png", "the Save button at the top", 598, 20, 670, 57)]
    [InlineData("form.png", "Alice Smith", 36, 279, 129, 295)]
    [InlineData("order.png", "click \"Submit Order\"", 49, 272, 201, 315)]
    [InlineData("order.png", "the Cancel button", 208, 272, 311, 315)]
    [InlineData("order.png", "the City field", 49, 144, 367, 182)]
    [InlineData("order.png", "the postal code field", 49, 214, 367, 252)]
    public async Task GroundAsync_KnownTarget_PointsInsideExpectedBox(string fixture, string instruction, double x1, double y1, double x2, double y2)
    {
        var grounder = new OcrGrounder(_ocr);
        var result = await grounder.GroundAsync(new GroundingRequest(Fixture.Screenshot(fixture), instruction), TestContext.Current.CancellationToken);
        output.WriteLine($"{result.Found} {result.Point} {result.Box} {result.Confidence} {result.Raw} {result.Error}");

        Assert.True(result.Found, result.Error);
        Assert.True(new ScreenBox(x1, y1, x2, y2).Contains(result.Point), $"{result.Point} is outside the expected box; {result.Raw}");
        Assert.InRange(result.Confidence, 0.7, 1.0);
    }

    [Theory]
    [InlineData("click \"Delete account\"")]
    [InlineData("the Zebra button")]
    [InlineData("the third Edit link")]
    public async Task GroundAsync_AbsentTarget_RefusesWithReason(string instruction)
    {
        var grounder = new OcrGrounder(_ocr);
        var result = await grounder.GroundAsync(new GroundingRequest(Fixture.Screenshot("form.png"), instruction), TestContext.Current.CancellationToken);

        Assert.False(result.Found);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Fact]
    public async Task GroundAsync_WhiteOnBlueButton_BoxIsTheWholeButton()
    {
        var grounder = new OcrGrounder(_ocr);
        var result = await grounder.GroundAsync(new GroundingRequest(Fixture.Screenshot("form.png"), "click \"Sign in\""), TestContext.Current.CancellationToken);

        Assert.True(result.Found, result.Error);
        Assert.NotNull(result.Box);
        Assert.True(result.Box.Value.IntersectionOverUnion(new ScreenBox(24, 218, 113, 254)) > 0.8, $"{result.Box}");
    }

    [Fact]
    public async Task GroundAsync_ControlReadingOff_MissesWhiteOnBlueLabel()
    {
        var grounder = new OcrGrounder(_ocr, new OcrGrounderOptions { ReadControls = false });
        var result = await grounder.GroundAsync(new GroundingRequest(Fixture.Screenshot("form.png"), "click \"Sign in\""), TestContext.Current.CancellationToken);

        Assert.False(result.Found);
    }

    [Fact]
    public async Task GroundAsync_CorruptScreenshot_RefusesWithFormatMessage()
    {
        var png = Fixture.Bytes("form.png")[..200];
        var shot = new VisualAgent.Drivers.Screenshot { Png = png, Size = new PixelSize(800, 600) };
        var result = await new OcrGrounder(_ocr).GroundAsync(new GroundingRequest(shot, "the Save button"), TestContext.Current.CancellationToken);

        Assert.False(result.Found);
        Assert.Contains("png", result.Error, StringComparison.OrdinalIgnoreCase);
    }
}
