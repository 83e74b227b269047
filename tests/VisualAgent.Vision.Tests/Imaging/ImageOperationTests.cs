using VisualAgent.Geometry;

namespace VisualAgent.Vision.Tests.Imaging;

public sealed class ImageOperationTests
{
    [Theory]
    [InlineData(1504, 832)]
    [InlineData(400, 300)]
    [InlineData(1920, 1440)]
    [InlineData(1, 1)]
    public void Resize_AnySize_HasExactlyThatSize(int w, int h)
    {
        using var image = Fixture.Load("form.png");
        using var resized = image.Resize(new PixelSize(w, h));

        Assert.Equal(new PixelSize(w, h), resized.Size);
    }

    [Fact]
    public void Crop_PartlyOutside_ClippedToImage()
    {
        using var card = Fixture.Card();
        using var crop = card.Crop(new ScreenBox(50, 40, 100, 100));

        Assert.Equal(new PixelSize(14, 8), crop.Size);
    }

    [Fact]
    public void Crop_Outside_ThrowsArgumentException()
    {
        using var card = Fixture.Card();

        Assert.Throws<ArgumentException>(() => card.Crop(new ScreenBox(100, 100, 200, 200)).Dispose());
    }

    [Fact]
    public void ToGrayThresholdInvert_RedSquare_BecomesWhiteOnBlack()
    {
        using var card = Fixture.Card();
        using var gray = card.ToGray();
        using var dark = gray.Threshold(128, inverse: true); // red (gray ~76) and blue (~29) become 255
        using var inverted = dark.Invert();

        Assert.Equal(1, gray.Channels);
        var px = dark.GetPixels();
        Assert.Equal(255, px[(20 * 64) + 20]);
        Assert.Equal(0, px[(5 * 64) + 5]);
        Assert.Equal(0, inverted.GetPixels()[(20 * 64) + 20]);
    }

    [Fact]
    public void FindContours_Card_FindsSquareAndBar()
    {
        using var card = Fixture.Card();
        using var mask = card.Threshold(200, inverse: true);
        var boxes = mask.FindContours().Select(c => c.Box).OrderBy(b => b.Y1).ToList();

        Assert.Equal(2, boxes.Count);
        Assert.Equal(new ScreenBox(10, 10, 30, 30), boxes[0]);
        Assert.Equal(new ScreenBox(0, 42, 64, 48), boxes[1]);
    }

    [Fact]
    public void Morphology_Dilate_GrowsForeground()
    {
        using var card = Fixture.Card();
        using var mask = card.Threshold(200, inverse: true);
        using var grown = mask.Morphology(MorphologyOperation.Dilate, 5, 5);

        Assert.True(grown.GetPixels().Count(b => b != 0) > mask.GetPixels().Count(b => b != 0));
    }

    [Fact]
    public void ChangedRegions_BoxDrawn_FindsIt()
    {
        using var a = Fixture.Load("order.png");
        using var b = a.Clone();
        b.DrawBox(new ScreenBox(500, 400, 600, 450), DrawColor.Blue, 3);
        var report = a.ChangedRegions(b);

        Assert.InRange(report.ChangedFraction, 0.0001, 0.01);
        var region = Assert.Single(report.Regions);
        Assert.True(region.Inflate(8).Contains(new ScreenPoint(500, 400)) && region.Inflate(8).Contains(new ScreenPoint(600, 450)), $"{region}");
    }

    [Fact]
    public void ChangedRegions_SameImage_NoChange()
    {
        using var a = Fixture.Load("order.png");
        using var b = Fixture.Load("order.png");

        var report = a.ChangedRegions(b);

        Assert.False(report.Changed);
        Assert.Empty(report.Regions);
    }

    [Fact]
    public void AbsDiff_DifferentSizes_ThrowsInsteadOfCrashing()
    {
        using var a = Fixture.Card(64, 48);
        using var b = Fixture.Card(32, 48);

        var ex = Assert.Throws<InvalidOperationException>(() => a.AbsDiff(b).Dispose());
        Assert.Contains("differ", ex.Message);
    }

    [Fact]
    public void MatchTemplate_CropOfImage_FoundAtItsOrigin()
    {
        using var image = Fixture.Load("form.png");
        using var template = image.Crop(new ScreenBox(121, 218, 237, 255));

        var match = image.MatchTemplate(template);

        Assert.Equal(new ScreenBox(121, 218, 237, 255), match.Box);
        Assert.True(match.Score > 0.99);
    }

    [Fact]
    public void Draw_BoxPointLabel_PaintPixelsWhereAsked()
    {
        using var image = Image.FromGray(Enumerable.Repeat((byte)255, 200 * 100).ToArray(), 200, 100);
        using var bgr = image.ToBgr();
        bgr.DrawBox(new ScreenBox(10, 10, 60, 60), DrawColor.Red, 2);
        bgr.DrawPoint(new ScreenPoint(120, 50));
        bgr.DrawLabel("Save", new ScreenPoint(150, 90));
        var px = bgr.GetPixels();

        byte[] At(int x, int y) => px.AsSpan(((y * 200) + x) * 3, 3).ToArray();
        Assert.True(At(10, 30)[2] > 200 && At(10, 30)[1] < 80, "left side of the box is red");
        Assert.Equal(new byte[] { 255, 255, 255 }, At(35, 35)); // inside stays white
        Assert.True(At(120, 50)[1] < 80, "crosshair centre is painted");
        Assert.True(At(198, 88)[1] < 80 || At(160, 85)[1] < 80, "the label's background is painted, kept inside the image");
    }

    [Fact]
    public void UseAfterDispose_ThrowsObjectDisposedException()
    {
        var card = Fixture.Card();
        card.Dispose();

        Assert.Throws<ObjectDisposedException>(() => card.EncodePng());
    }
}
