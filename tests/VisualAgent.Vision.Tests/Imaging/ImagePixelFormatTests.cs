namespace VisualAgent.Vision.Tests.Imaging;

public sealed class ImagePixelFormatTests
{
    /// <summary>form-cmyk.jpg is Fixtures/form.png at half size saved by ImageMagick as a CMYK JPEG.</summary>
    [Fact]
    public void Decode_CmykJpeg_BecomesBgrCloseToTheRgbOriginal()
    {
        using var cmyk = Image.Decode(Fixture.Bytes("form-cmyk.jpg"));
        using var original = Image.Decode(Fixture.Bytes("form.png"));
        using var expected = original.Resize(cmyk.Size);

        Assert.Equal(new Geometry.PixelSize(400, 300), cmyk.Size);
        Assert.Equal(3, cmyk.Channels);
        var a = cmyk.GetPixels();
        var b = expected.GetPixels();
        var meanError = a.Zip(b, (x, y) => Math.Abs(x - y)).Average();
        Assert.True(meanError < 20, $"mean per-channel difference {meanError:0.0} (an inverted or unconverted CMYK image differs by ~100+)");
    }

    [Fact]
    public void Decode_GrayPng_BecomesBgrWithSameValues()
    {
        var png = PngWriter.Write(4, 2, 8, 0, y => [0, 100, 200, (byte)(y * 50)]);
        using var image = Image.Decode(png);

        Assert.Equal(3, image.Channels);
        Assert.Equal(new byte[] { 100, 100, 100 }, image.GetPixels().AsSpan(3, 3).ToArray());
    }

    [Fact]
    public void Decode_SixteenBitRgbPng_ScaledToEightBit()
    {
        // One pixel: R = 0xFFFF, G = 0x8000, B = 0x0000.
        var png = PngWriter.Write(1, 1, 16, 2, _ => [0xFF, 0xFF, 0x80, 0x00, 0x00, 0x00]);
        using var image = Image.Decode(png);

        var bgr = image.GetPixels();
        Assert.Equal(0, bgr[0]);
        Assert.InRange(bgr[1], 126, 129);
        Assert.Equal(255, bgr[2]);
    }

    [Fact]
    public void Decode_TransparentRgbaPng_ComposedOverWhite()
    {
        // Pixel 0: opaque blue; pixel 1: fully transparent black.
        var png = PngWriter.Write(2, 1, 8, 6, _ => [0, 0, 255, 255, 0, 0, 0, 0]);
        using var image = Image.Decode(png);

        Assert.Equal(new byte[] { 255, 0, 0, 255, 255, 255 }, image.GetPixels());
    }

    [Fact]
    public void Decode_PalettePng_ExpandsColours()
    {
        byte[] palette = [255, 0, 0, 0, 255, 0];
        var png = PngWriter.Write(2, 1, 8, 3, _ => [0, 1], palette);
        using var image = Image.Decode(png);

        Assert.Equal(new byte[] { 0, 0, 255, 0, 255, 0 }, image.GetPixels());
    }

    [Fact]
    public void FromRgba_SwapsChannelsToBgr()
    {
        using var image = Image.FromRgba([10, 20, 30, 255], 1, 1);

        Assert.Equal(new byte[] { 30, 20, 10 }, image.GetPixels());
    }

    [Fact]
    public void FromBgra_StrideTooSmallForBuffer_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Image.FromBgra(new byte[10], 4, 4).Dispose());
    }
}
