using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Vision.Adapters;
using VisualAgent.Vision.Native;
using VisualAgent.Vision.Tests.Grounding;

namespace VisualAgent.Vision.Tests.Imaging;

// The native object counter and the shared cache are process-wide: these tests run alone.
[Collection(typeof(NativeCounterCollection))]
public sealed class FrameCacheTests
{
    [Fact]
    public void Rent_SameContentInAnotherArray_DecodedOnce()
    {
        var cache = new FrameCache(64L * 1024 * 1024);
        var png = Fixture.Bytes("form.png");
        var copy = png.ToArray();

        using var first = cache.Rent(png);
        using var second = cache.Rent(copy);

        Assert.Same(first.Image, second.Image);
        Assert.Equal(1, cache.Decodes);
        Assert.Equal(1, cache.Hits);
    }

    [Fact]
    public void Rent_MoreFramesThanTheCount_KeepsOnlyTheNewest()
    {
        var cache = new FrameCache(64L * 1024 * 1024, maxFrames: 2);
        var start = NativeDiagnostics.LiveObjectCount;
        for (var i = 0; i < 5; i++)
        {
            using var card = Fixture.Card(40 + i, 30);
            cache.Rent(card.EncodePng()).Dispose();
        }

        Assert.Equal(2, cache.Count);
        Assert.Equal(start + 2, NativeDiagnostics.LiveObjectCount);
        cache.Clear();
        Assert.Equal(start, NativeDiagnostics.LiveObjectCount);
    }

    [Fact]
    public void Rent_CachingOff_DecodesEveryTimeAndFreesEachFrame()
    {
        var cache = new FrameCache(0);
        var png = Fixture.Bytes("form.png");
        var start = NativeDiagnostics.LiveObjectCount;

        using (cache.Rent(png))
        using (cache.Rent(png))
        {
            Assert.Equal(start + 2, NativeDiagnostics.LiveObjectCount);
        }

        Assert.Equal(2, cache.Decodes);
        Assert.Equal(start, NativeDiagnostics.LiveObjectCount);
    }

    [Fact]
    public void Rent_FrameEvictedWhileLeased_StaysUsableAndIsFreedWithTheLastLease()
    {
        using var card = Fixture.Card(64, 48);
        using var other = Fixture.Card(80, 40);
        var a = card.EncodePng();
        var b = other.EncodePng();
        var cache = new FrameCache(64 * 48 * 3); // room for one frame
        var start = NativeDiagnostics.LiveObjectCount;

        var held = cache.Rent(a);
        using (cache.Rent(b))
        {
            // a was evicted by b, but its lease still reads it.
            Assert.Equal(new PixelSize(64, 48), held.Image.Size);
            Assert.Equal(start + 2, NativeDiagnostics.LiveObjectCount);
        }

        held.Dispose();
        held.Dispose();
        Assert.Equal(start + 1, NativeDiagnostics.LiveObjectCount); // b stays cached
        Assert.Throws<ObjectDisposedException>(() => held.Image);

        cache.Clear();
        Assert.Equal(start, NativeDiagnostics.LiveObjectCount);
    }

    [Fact]
    public void Rent_CachedFrameOverTheCallersPixelLimit_RefusedLikeADecode()
    {
        var cache = new FrameCache(64L * 1024 * 1024);
        var png = Fixture.Bytes("form.png");
        using (cache.Rent(png))
        {
        }

        var error = Assert.Throws<ImageFormatException>(() => cache.Rent(png, maxPixels: 1000));
        Assert.Contains("over the limit", error.Message, StringComparison.Ordinal);
        cache.Clear();
    }

    [Fact]
    public async Task StepConsumers_OneNewCapture_DecodedExactlyOnce()
    {
        // What one agent step does with a new capture: compare it with the previous one (already decoded by the
        // step before), draw the annotated copy, shrink it for the model, and ground on it with pixels.
        using var form = Fixture.Load("form.png");
        using var previous = form.Clone();
        previous.DrawBox(new ScreenBox(10, 10, 60, 40), DrawColor.Blue, 3);
        var before = previous.EncodePng();
        var after = form.EncodePng();
        FrameCache.Shared.Clear();
        using (FrameCache.Shared.Rent(before))
        {
        }

        var decodes = FrameCache.Shared.Decodes;
        var change = new PixelScreenChangeDetector().Change(before, after);
        var annotated = await new VisionScreenshotAnnotator().AnnotateAsync(after, new ScreenPoint(50, 50), null, TestContext.Current.CancellationToken);
        var sent = PngResizer.Resize(after, new PixelSize(form.Width / 2, form.Height / 2));

        Assert.True(change > 0);
        Assert.Equal(1, FrameCache.Shared.Decodes - decodes);
        Assert.NotEqual(after, annotated); // drawn on a copy: the cached frame is not painted
        using (var sentImage = Image.Decode(sent))
        {
            Assert.Equal(new PixelSize(form.Width / 2, form.Height / 2), sentImage.Size);
        }

        using (var again = FrameCache.Shared.Rent(after))
        using (var fresh = Image.Decode(after))
        {
            Assert.Equal(0, again.Image.ChangedRegions(fresh).ChangedFraction);
        }

        FrameCache.Shared.Clear();
    }

    [Fact]
    public void Mask_MaskedBytes_AdoptedSoTheNextConsumerDoesNotDecode()
    {
        var png = Fixture.Bytes("form.png");
        FrameCache.Shared.Clear();

        var masked = VisionScreenshotMasker.Mask(png, [new ScreenBox(20, 20, 120, 60)]);
        var decodes = FrameCache.Shared.Decodes;
        using var lease = FrameCache.Shared.Rent(masked);

        Assert.Equal(decodes, FrameCache.Shared.Decodes);
        using var crop = lease.Image.Crop(new ScreenBox(40, 30, 100, 50));
        Assert.Equal(DrawColor.Black, crop.MeanColor()); // the masked box is black in the adopted frame
        FrameCache.Shared.Clear();
    }
}
