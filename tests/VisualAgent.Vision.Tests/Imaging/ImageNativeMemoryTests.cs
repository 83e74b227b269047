using VisualAgent.Geometry;
using VisualAgent.Vision.Native;
using VisualAgent.Vision.Ocr;
using VisualAgent.Vision.Tests.Grounding;

namespace VisualAgent.Vision.Tests.Imaging;

/// <summary>Every OpenCV Mat an image or an operation makes is counted until it is released.</summary>
[Collection(typeof(NativeCounterCollection))]
public sealed class ImageNativeMemoryTests(OcrFixture fixture)
{
    [Fact]
    public void Operations_EveryIntermediateMatReleased()
    {
        var alphaPng = PngWriter.Write(2, 1, 8, 6, _ => [0, 0, 255, 255, 0, 0, 0, 0]);
        var sixteenBit = PngWriter.Write(1, 1, 16, 2, _ => [0xFF, 0xFF, 0x80, 0x00, 0x00, 0x00]);
        var form = Fixture.Bytes("form.png");
        var start = NativeDiagnostics.LiveObjectCount;

        for (var i = 0; i < 3; i++)
        {
            using var alpha = Image.Decode(alphaPng);
            using var deep = Image.Decode(sixteenBit);
            using var image = Image.Decode(form);
            using var shifted = image.Clone();
            shifted.DrawBox(new ScreenBox(100, 100, 300, 200), DrawColor.Blue, 3);
            shifted.DrawLabel("changed", new ScreenPoint(120, 150));
            _ = image.ChangedRegions(shifted);
            using var template = image.Crop(new ScreenBox(121, 218, 237, 255));
            _ = image.MatchTemplate(template);
            using var edges = image.Canny();
            _ = edges.FindContours();
            using var otsu = image.ThresholdOtsu(inverse: true);
            using var closed = otsu.Morphology(MorphologyOperation.Close, 5, 3);
            using var small = image.Resize(new PixelSize(640, 360));
            _ = small.EncodePng();
            _ = small.EncodeJpeg();
            Assert.True(NativeDiagnostics.LiveObjectCount > start, "live images are counted");
        }

        Assert.Equal(start, NativeDiagnostics.LiveObjectCount);
    }

    [Fact]
    public void LiveObjectCount_ImageNotDisposed_StaysCountedUntilDisposed()
    {
        var start = NativeDiagnostics.LiveObjectCount;

        var forgotten = Fixture.Card();
        var whileAlive = NativeDiagnostics.LiveObjectCount;
        forgotten.Dispose();
        forgotten.Dispose();

        Assert.Equal(start + 1, whileAlive);
        Assert.Equal(start, NativeDiagnostics.LiveObjectCount);
    }

    [Fact]
    public async Task DecodeAndOcr_Interleaved_BothKeepWorking()
    {
        // OpenCvSharp's native library bundles its own libpng and Leptonica; Tesseract uses the system's. Interleaving
        // them once aborted the process inside libpng: decode, read, decode again, read again.
        var png = Fixture.Bytes("form.png");
        for (var i = 0; i < 2; i++)
        {
            using var image = Image.Decode(png);
            var page = await fixture.Ocr.RecognizeAsync(image, OcrRequest.SingleLine(new ScreenBox(24, 218, 113, 254)), TestContext.Current.CancellationToken);
            Assert.Contains("Sign", page.FullText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OpenCvVersion_IsTheBundledOpenCv4()
    {
        Assert.Matches(@"^4\.\d+\.\d+", NativeDiagnostics.OpenCvVersion);
    }
}
