using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Imaging;

namespace VisualAgent.Tests.Imaging;

public sealed class SmartResizeTests
{
    [Fact]
    public void Resize_Qwen3Vl1920x1080_Gives1920x1088And2040Tokens()
    {
        var sent = SmartResize.Resize(new PixelSize(1920, 1080), new ImageBudget(32, 65_536, 16_777_216));

        Assert.Equal(new PixelSize(1920, 1088), sent);
        Assert.Equal(2040, ImageTokens.Count("qwen3-vl", sent));
    }

    [Fact]
    public void Resize_Qwen3VlCappedAt1280Tokens_Gives1504x832And1222Tokens()
    {
        var sent = SmartResize.Resize(new PixelSize(1920, 1080), new ImageBudget(32, 65_536, 1280L * 32 * 32));

        Assert.Equal(new PixelSize(1504, 832), sent);
        Assert.Equal(1222, ImageTokens.Count("qwen3-vl", sent));
    }

    [Theory]
    [InlineData(1920, 1080, 1932, 1092)]
    [InlineData(1080, 2400, 1092, 2408)]
    [InlineData(1280, 720, 1288, 728)]
    public void Resize_Qwen25VlDefaults_MatchesDocumentedSizes(int w, int h, int ew, int eh)
    {
        var sent = SmartResize.Resize(new PixelSize(w, h), new ImageBudget(28, 3_136, 12_845_056));

        Assert.Equal(new PixelSize(ew, eh), sent);
    }

    [Fact]
    public void Resize_HalfwayRatio_RoundsHalfToEvenLikePython()
    {
        // 14 / 28 = 0.5 -> round-half-to-even 0 -> max(factor, 0) = 28; 42 / 28 = 1.5 -> 2 -> 56; 70 / 28 = 2.5 -> 2 -> 56.
        Assert.Equal(new PixelSize(56, 56), SmartResize.Resize(new PixelSize(70, 42), 28, 1, 1_000_000));
        Assert.Equal(new PixelSize(28, 28), SmartResize.Resize(new PixelSize(14, 14), 28, 1, 1_000_000));
    }

    [Fact]
    public void Resize_BelowMinPixels_ScalesUpToMultiplesOfFactor()
    {
        var sent = SmartResize.Resize(new PixelSize(100, 50), new ImageBudget(28, 78_400, 12_845_056));

        Assert.True(sent.Area >= 78_400);
        Assert.Equal(0, sent.Width % 28);
        Assert.Equal(0, sent.Height % 28);
    }

    [Fact]
    public void Resize_ImpossibleBudget_ThrowsUsageException()
    {
        Assert.Throws<UsageException>(() => SmartResize.Resize(new PixelSize(100, 100), 32, 10, 100));
        Assert.Throws<UsageException>(() => SmartResize.Resize(new PixelSize(0, 100), 32, 10, 100_000));
    }

    [Fact]
    public void Fit_OpenAiLimits_ShortestSideAt768()
    {
        Assert.Equal(new PixelSize(1365, 768), SmartResize.Fit(new PixelSize(1920, 1080), 2048 * 768, 2048, 768));
        Assert.Equal(new PixelSize(800, 600), SmartResize.Fit(new PixelSize(800, 600), 2048 * 768, 2048, 768));
    }

    [Theory]
    [InlineData("qwen3-vl", 1920, 1088, 2040)]
    [InlineData("qwen2.5-vl", 1932, 1092, 69 * 39)]
    [InlineData("ui-tars", 1932, 1092, 69 * 39)]
    [InlineData("generic-json", 1365, 768, 85 + (170 * 3 * 2))]
    [InlineData("llava", 672, 378, 576)]
    [InlineData("minigpt-v2", 896, 504, 256)]
    [InlineData("blip2", 448, 252, 32)]
    public void Count_PerDialect_MatchesFamilyEncoder(string dialect, int w, int h, long expected)
    {
        Assert.Equal(expected, ImageTokens.Count(dialect, new PixelSize(w, h)));
    }

    [Fact]
    public void SizeToSend_EveryDialect_UsesItsDefaultBudget()
    {
        var original = new PixelSize(1920, 1080);

        Assert.Equal(new PixelSize(1920, 1088), DialectRegistry.Get("qwen3-vl").SizeToSend(original));
        Assert.Equal(new PixelSize(1932, 1092), DialectRegistry.Get("qwen2.5-vl").SizeToSend(original));
        Assert.Equal(new PixelSize(1932, 1092), DialectRegistry.Get("ui-tars").SizeToSend(original));
        Assert.Equal(new PixelSize(1365, 768), DialectRegistry.Get("generic-json").SizeToSend(original));
        Assert.Equal(new PixelSize(1504, 832), DialectRegistry.Get("qwen3-vl").SizeToSend(original, new ImageBudget(32, 65_536, 1280L * 32 * 32)));
    }
}
