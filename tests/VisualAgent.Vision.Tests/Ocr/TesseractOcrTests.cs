using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Vision.Tests.Ocr;

public sealed class TesseractOcrTests(OcrFixture fixture)
{
    [Theory]
    [InlineData("Username", 65, 81)]
    [InlineData("Password", 61, 123)]
    [InlineData("Account", 74, 36)]
    [InlineData("Viewer", 183, 319)]
    public async Task RecognizeAsync_FormScreenshot_FindsWordAtItsPosition(string word, double x, double y)
    {
        using var image = Fixture.Load("form.png");
        var result = await fixture.Ocr.RecognizeAsync(image, null, TestContext.Current.CancellationToken);

        var hit = Assert.Single(result.Words, w => w.Text == word);
        Assert.True(hit.Box.Contains(new ScreenPoint(x, y)), $"{hit.Box}");
        Assert.True(hit.Confidence > 70);
        Assert.DoesNotContain(result.Words, w => string.IsNullOrWhiteSpace(w.Text));
    }

    [Fact]
    public async Task RecognizeAsync_Lines_GroupWordsAndFeedFullTextAndTsv()
    {
        using var image = Fixture.Load("form.png");
        var result = await fixture.Ocr.RecognizeAsync(image, null, TestContext.Current.CancellationToken);

        var line = Assert.Single(result.Lines, l => l.Text == "Email address");
        Assert.Equal(2, line.Words.Count);
        Assert.Contains("Account settings", result.FullText);
        var tsv = result.ToTsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("level\tline\tleft", tsv[0]);
        Assert.Equal(result.Words.Count + 1, tsv.Length);
    }

    [Fact]
    public async Task RecognizeAsync_WhiteOnBlueButtonRegion_ReadsLabelWithBoxInsideButton()
    {
        using var image = Fixture.Load("form.png");
        var button = new ScreenBox(22, 216, 114, 255);
        var result = await fixture.Ocr.RecognizeAsync(image, OcrRequest.SingleLine(button.Inflate(-3)), TestContext.Current.CancellationToken);

        Assert.Equal("Sign in", result.FullText);
        Assert.All(result.Words, w => Assert.True(button.Contains(w.Box.Center), $"{w.Box}"));
    }

    [Fact]
    public async Task RecognizeAsync_SameImageTwice_SecondComesFromCache()
    {
        using var ocr = new TesseractOcr(new OcrOptions { CacheEntries = 2 });
        using var image = Fixture.Load("order.png");
        var first = await ocr.RecognizeAsync(image, null, TestContext.Current.CancellationToken);
        var second = await ocr.RecognizeAsync(image, null, TestContext.Current.CancellationToken);

        Assert.Same(first, second);
        Assert.Equal(1, ocr.CachedResults);
    }

    [Fact]
    public async Task RecognizeAsync_MissingLanguage_EnvironmentMissingNamesPackage()
    {
        using var ocr = new TesseractOcr(new OcrOptions { Languages = "eng+zzq" });
        using var image = Fixture.Card();

        var ex = await Assert.ThrowsAsync<EnvironmentMissingException>(() => ocr.RecognizeAsync(image, null, TestContext.Current.CancellationToken));
        Assert.Contains("tesseract-ocr-zzq", ex.Message);
    }

    [Fact]
    public async Task Engine_Loaded_OpenMpThreadLimitInNativeEnvironment()
    {
        await fixture.Ocr.EnsureAvailableAsync(TestContext.Current.CancellationToken);

        Assert.Equal("1", NativeEnvironment.Get("OMP_THREAD_LIMIT"));
    }

    [Fact]
    public void Options_BadPageSegMode_Rejected()
    {
        Assert.Throws<VisualAgent.Errors.UsageException>(() => new TesseractOcr(new OcrOptions { PageSegMode = 42 }).Dispose());
    }
}
