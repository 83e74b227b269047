using VisualAgent.Geometry;
using VisualAgent.Simulator;

namespace VisualAgent.Tests.Simulator;

public sealed class ImageHeaderTests
{
    [Fact]
    public void FromDataUrl_Png_ReadsIhdrSize()
    {
        var url = "data:image/png;base64," + Convert.ToBase64String(TestPng.Create(1504, 832));

        Assert.Equal(new PixelSize(1504, 832), ImageHeader.FromDataUrl(url));
    }

    [Fact]
    public void Read_JpegWithApp0BeforeSof0_ReadsFrameSize()
    {
        byte[] jpeg =
        [
            0xFF, 0xD8,
            0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
            0xFF, 0xDB, 0x00, 0x04, 0, 0,
            0xFF, 0xC0, 0x00, 0x11, 0x08, 0x04, 0x38, 0x07, 0x80, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
        ];

        Assert.Equal(new PixelSize(1920, 1080), ImageHeader.Read(jpeg));
    }

    [Theory]
    [InlineData("https://example.com/a.png")]
    [InlineData("data:image/png;base64,bm90IGFuIGltYWdl")]
    public void FromDataUrl_NotAnImageDataUrl_ReturnsNull(string url) => Assert.Null(ImageHeader.FromDataUrl(url));
}
