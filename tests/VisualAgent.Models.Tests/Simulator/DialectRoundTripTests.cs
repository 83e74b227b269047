using VisualAgent.Actions;
using VisualAgent.Geometry;
using VisualAgent.Models.Client;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Profiles;
using VisualAgent.Simulator;
using VisualAgent.Tests.Client;

namespace VisualAgent.Tests.Simulator;

/// <summary>
/// Client -> simulator -> real dialect and back over HTTP: the simulator writes the answer for the image size it
/// actually received, the client maps it back with the size it sent, so a sizing or mapping bug misses the target.
/// </summary>
public sealed class DialectRoundTripTests
{
    public static TheoryData<string> GroundingDialects() =>
        [.. DialectRegistry.All.Where(d => d.Abilities.HasFlag(DialectAbilities.Ground)).Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(GroundingDialects))]
    public async Task CallAsync_GroundThroughRealDialect_LandsInTheTargetBox(string id)
    {
        var dialect = DialectRegistry.Get(id);
        var box = new ScreenBox(600, 400, 720, 450);
        var result = await GroundAsync(dialect, box, new PixelSize(1920, 1080), maxPixels: null);

        var target = Assert.IsType<ClickAction>(result.Reply.Action).Target!.Value;
        Assert.True(box.Contains(target), $"{id}: {target} outside {box} (sent {result.SentSize}, raw {result.Raw})");
        Assert.Equal(dialect.SizeToSend(new PixelSize(1920, 1080)), result.SentSize);
    }

    public static TheoryData<string, int, int> GroundingDialectsAtScreenSizes()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var id in GroundingDialects())
        {
            foreach (var (w, h) in new[] { (1280, 720), (1920, 1080), (2560, 1440), (1080, 2400) })
            {
                data.Add((string)id.Data, w, h);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GroundingDialectsAtScreenSizes))]
    public async Task CallAsync_GroundAtEachScreenSize_LandsInTheTargetBox(string id, int width, int height)
    {
        var dialect = DialectRegistry.Get(id);
        var size = new PixelSize(width, height);

        // A 80x40 button near the bottom-right, where a scaling error is largest.
        var box = ScreenBox.FromXywh(width * 0.8, height * 0.85, 80, 40);
        var result = await GroundAsync(dialect, box, size, maxPixels: null);

        var target = Assert.IsType<ClickAction>(result.Reply.Action).Target!.Value;
        Assert.True(box.Contains(target), $"{id} at {size}: {target} outside {box} (sent {result.SentSize}, raw {result.Raw})");
        Assert.Equal(dialect.SizeToSend(size), result.SentSize);
    }

    [Theory]
    [InlineData("qwen3-vl")]
    [InlineData("qwen2.5-vl")]
    [InlineData("ui-tars")]
    public async Task CallAsync_ImageResizedToProfileBudget_MapsBackWithinOnePixel(string id)
    {
        var dialect = DialectRegistry.Get(id);
        var box = new ScreenBox(1500, 900, 1540, 940);
        var result = await GroundAsync(dialect, box, new PixelSize(1920, 1080), maxPixels: 1280 * 32 * 32);

        Assert.True(result.SentSize.Area < 1920 * 1080, $"sent {result.SentSize}");
        var target = Assert.IsType<ClickAction>(result.Reply.Action).Target!.Value;
        Assert.True(target.DistanceTo(box.Center) <= 1.5, $"{id}: {target} vs {box.Center} (sent {result.SentSize}, raw {result.Raw})");
    }

    [Fact]
    public async Task CallAsync_Qwen3VlSentAt1504x832_ServerReceivedThatSize()
    {
        var result = await GroundAsync(DialectRegistry.Get("qwen3-vl"), new ScreenBox(10, 10, 50, 50), new PixelSize(1920, 1080), maxPixels: 1280 * 32 * 32);

        Assert.Equal(new PixelSize(1504, 832), result.SentSize);
    }

    private static async Task<ModelCallResult> GroundAsync(IModelDialect dialect, ScreenBox box, PixelSize size, long? maxPixels)
    {
        var simulated = ModelProfiles.Simulated(dialect.Id);
        await using var server = await SimulatedServer.StartForProfileAsync(simulated, TestContext.Current.CancellationToken);
        server.RegisterTarget("the Save button", box, size);
        var profile = simulated.WithEndpoint(server.BaseUrl);
        profile.MaxPixels = maxPixels;
        using var client = ModelClientFactory.Create(profile, SimHarness.FastOptions());
        var caller = new ModelCaller(profile, dialect, client, ModelCallerTests.Resize);

        var result = await caller.CallAsync(new ModelTask(ModelTaskKind.Ground, "the Save button"), ModelCallerTests.Shot(size.Width, size.Height), TestContext.Current.CancellationToken);

        Assert.Equal([result.SentSize], Assert.Single(server.Requests).ImageSizes);
        return result;
    }
}
