using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Imaging;

namespace VisualAgent.Vision.Tests.Imaging;

public sealed class ImageDecodeTests
{
    [Fact]
    public void Decode_Screenshot_HasHeaderSizeAndThreeChannels()
    {
        using var image = Fixture.Load("form.png");

        Assert.Equal(new PixelSize(800, 600), image.Size);
        Assert.Equal(3, image.Channels);
    }

    [Fact]
    public void EncodePng_RoundTrip_KeepsEveryPixel()
    {
        using var card = Fixture.Card();
        using var back = Image.Decode(card.EncodePng());

        Assert.Equal(card.GetPixels(), back.GetPixels());
    }

    [Fact]
    public void EncodeJpeg_RoundTrip_KeepsSizeAndColoursApproximately()
    {
        using var card = Fixture.Card();
        var jpeg = card.EncodeJpeg(95);
        using var back = Image.Decode(jpeg);

        Assert.Equal("jpeg", ImageHeader.DetectFormat(jpeg));
        Assert.Equal(card.Size, back.Size);
        var pixel = back.GetPixels().AsSpan(((20 * 64) + 20) * 3, 3).ToArray(); // inside the red square
        Assert.True(pixel[2] > 200 && pixel[0] < 60 && pixel[1] < 60, string.Join(',', pixel));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(200)]
    public void Decode_TruncatedPng_ThrowsImageFormatException(int keep)
    {
        var bytes = Fixture.Bytes("order.png")[..keep];

        Assert.Throws<ImageFormatException>(() => Image.Decode(bytes).Dispose());
    }

    [Fact]
    public void Decode_CorruptPngBody_ThrowsImageFormatException()
    {
        var bytes = Fixture.Bytes("order.png");
        for (var i = 100; i < bytes.Length - 20; i += 7)
        {
            bytes[i] ^= 0x5A;
        }

        Assert.Throws<ImageFormatException>(() => Image.Decode(bytes).Dispose());
    }

    [Fact]
    public void Decode_RandomBytes_ThrowsImageFormatException()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        var ex = Assert.Throws<ImageFormatException>(() => Image.Decode(bytes).Dispose());
        Assert.Contains("neither PNG nor JPEG", ex.Message);
    }

    [Fact]
    public void Decode_TruncatedJpeg_DoesNotCrash()
    {
        using var card = Fixture.Card(320, 240);
        var jpeg = card.EncodeJpeg(90);

        for (var keep = 2; keep < jpeg.Length; keep += Math.Max(1, jpeg.Length / 40))
        {
            try
            {
                using var partial = Image.Decode(jpeg.AsSpan(0, keep));
                Assert.Equal(card.Size, partial.Size); // libjpeg fills a cut-off scan with grey
            }
            catch (ImageFormatException)
            {
                // refused cleanly
            }
        }
    }

    [Fact]
    public void Decode_ZeroSizeHeader_ThrowsImageFormatException()
    {
        var png = PngWriter.Write(0, 0, 8, 0, _ => []);

        var ex = Assert.Throws<ImageFormatException>(() => Image.Decode(png).Dispose());
        Assert.Contains("empty", ex.Message);
    }

    [Fact]
    public void Decode_HeaderOverPixelLimit_RefusedBeforeDecoding()
    {
        // Claims 20000x20000 but holds one row: a decoder would allocate 1.2 GB before noticing.
        var png = PngWriter.Write(20000, 20000, 8, 0, _ => new byte[20000], rowsWritten: 1);
        Assert.True(ImageHeader.TryReadSize(png, out var size));
        Assert.Equal(new PixelSize(20000, 20000), size);

        var ex = Assert.Throws<ImageFormatException>(() => Image.Decode(png).Dispose());
        Assert.Contains("over the limit", ex.Message);
    }

    [Fact]
    public void Decode_CustomPixelLimit_AppliesToSmallImages()
    {
        var png = Fixture.Bytes("order.png");

        Assert.Throws<ImageFormatException>(() => Image.Decode(png, maxPixels: 1000).Dispose());
    }
}
