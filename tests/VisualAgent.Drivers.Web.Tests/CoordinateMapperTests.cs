using VisualAgent.Drivers.Web;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Tests;

public sealed class CoordinateMapperTests
{
    [Theory]
    [InlineData(1.0, 640, 360, 640, 360)]
    [InlineData(2.0, 640, 360, 320, 180)]
    [InlineData(1.5, 300, 150, 200, 100)]
    public void ToCss_ScreenshotPixels_DividesByScale(double dsf, double x, double y, double cssX, double cssY)
    {
        var p = CoordinateMapper.ToCss(new ScreenPoint(x, y), dsf, 1280, 720);
        Assert.Equal(cssX, p.X, 6);
        Assert.Equal(cssY, p.Y, 6);
    }

    [Theory]
    [InlineData(1.0, 1280, 10)]
    [InlineData(2.0, 2560, 10)]
    [InlineData(1.0, -1, 10)]
    [InlineData(1.0, 10, 720)]
    [InlineData(1.0, double.NaN, 10)]
    public void ToCss_OutsideViewport_ThrowsSayingSo(double dsf, double x, double y)
    {
        var ex = Assert.Throws<DriverException>(() => CoordinateMapper.ToCss(new ScreenPoint(x, y), dsf, 1280, 720));
        Assert.Contains("outside the viewport", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToScreen_CssBoxAtScaleTwo_DoublesEveryEdge()
    {
        Assert.Equal(new ScreenBox(20, 40, 80, 100), CoordinateMapper.ToScreen(10, 20, 30, 30, 2));
    }
}
