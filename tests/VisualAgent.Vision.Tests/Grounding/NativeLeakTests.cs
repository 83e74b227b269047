using VisualAgent.Drivers;
using VisualAgent.Geometry;
using VisualAgent.Grounding;
using VisualAgent.Vision.Grounding;
using VisualAgent.Vision.Native;

namespace VisualAgent.Vision.Tests.Grounding;

[CollectionDefinition(DisableParallelization = true)]
public sealed class NativeCounterCollection;

[Collection(typeof(NativeCounterCollection))]
public sealed class NativeLeakTests(OcrFixture fixture)
{
    [Fact]
    public async Task GroundAsync_FiftyScreenshots_EveryNativeObjectFreed()
    {
        using var form = Fixture.Load("form.png");
        var shots = new List<Screenshot>();
        for (var i = 0; i < 50; i++)
        {
            using var crop = form.Crop(new ScreenBox(i % 10, 200 + (i / 10), 320 + (i % 10), 400 + (i / 10)));
            shots.Add(new Screenshot { Png = crop.EncodePng(), Size = crop.Size });
        }

        FrameCache.Shared.Clear();
        var start = NativeDiagnostics.LiveObjectCount;
        var grounder = new OcrGrounder(fixture.Ocr);
        var found = 0;
        foreach (var shot in shots)
        {
            var result = await grounder.GroundAsync(new GroundingRequest(shot, "the Save button"), TestContext.Current.CancellationToken);
            found += result.Found ? 1 : 0;
        }

        // The shared frame cache keeps the decoded shots for the step's next consumer; every lease was returned, so
        // dropping them frees every native object the grounder made.
        FrameCache.Shared.Clear();
        Assert.Equal(start, NativeDiagnostics.LiveObjectCount);
        Assert.True(found >= 45, $"found {found} of 50");
    }
}
