using VisualAgent.Actions;
using VisualAgent.Drivers;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Models.Client;
using VisualAgent.Models.Dialects;
using VisualAgent.Simulator;
using VisualAgent.Tests.Simulator;

namespace VisualAgent.Tests.Client;

public sealed class ModelCallerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static Screenshot Shot(int w, int h) => new() { Png = TestPng.Create(w, h), Size = new PixelSize(w, h) };

    /// <summary>Stands in for the Vision layer's resize: a PNG of the requested size.</summary>
    internal static byte[] Resize(ReadOnlyMemory<byte> png, PixelSize size) => TestPng.Create(size.Width, size.Height);

    private static byte[] NoResize(ReadOnlyMemory<byte> png, PixelSize size) => throw new InvalidOperationException($"unexpected resize to {size}");

    [Fact]
    public async Task CallAsync_TargetRegistered_ReturnsClickAtBoxCentreInScreenshotPixels()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Server.RegisterTarget("the Export CSV button", new ScreenBox(400, 300, 480, 330), new PixelSize(640, 480));
        using var client = sim.CreateClient();
        var caller = new ModelCaller(sim.Profile, sim.Server.Dialect, client, NoResize);

        var result = await caller.CallAsync(new ModelTask(ModelTaskKind.Ground, "the Export CSV button"), Shot(640, 480), Ct);

        var click = Assert.IsType<ClickAction>(result.Reply.Action);
        Assert.Equal((440, 315), (click.X, click.Y));
        Assert.Equal(new PixelSize(640, 480), result.SentSize);
        Assert.Equal("click(440,315)", result.Raw);
        Assert.True(result.Simulated);
        Assert.NotNull(result.TimeToFirstToken);
        Assert.True(result.Latency > TimeSpan.Zero);
        Assert.Equal(640 * 480 / (32 * 32), result.Usage!.ImageTokens);
        Assert.True(result.Usage.PromptTokens >= result.Usage.ImageTokens);
        Assert.Equal(1, result.Calls);
        var request = Assert.Single(sim.Server.Requests);
        Assert.Equal(0, request.Fields["temperature"]!.GetValue<double>());
        Assert.Equal(["system", "user"], request.Roles);
    }

    [Fact]
    public async Task CallAsync_BudgetSmallerThanScreenshot_SendsResizedImageAndMapsBackExactly()
    {
        await using var sim = await SimHarness.StartAsync(configure: p => p.MaxPixels = 640 * 480);
        sim.Server.RegisterTarget("OK", new ScreenBox(1000, 700, 1100, 760), new PixelSize(1280, 960));
        using var client = sim.CreateClient();
        var caller = new ModelCaller(sim.Profile, sim.Server.Dialect, client, Resize);

        var result = await caller.CallAsync(new ModelTask(ModelTaskKind.Ground, "OK"), Shot(1280, 960), Ct);

        Assert.Equal(new PixelSize(640, 480), result.SentSize);
        Assert.Equal([new PixelSize(640, 480)], Assert.Single(sim.Server.Requests).ImageSizes);
        var click = Assert.IsType<ClickAction>(result.Reply.Action);
        Assert.Equal(1050, click.X, 1);
        Assert.Equal(730, click.Y, 1);
        Assert.Equal("click(525,365)", result.Raw);
    }

    [Fact]
    public async Task CallAsync_FirstReplyMalformed_SendsOneCorrectionQuotingTheErrorAndParsesTheSecond()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Server.RegisterTarget("OK", new ScreenBox(10, 10, 30, 30), new PixelSize(640, 480));
        sim.Server.InjectFault(new SimulatedFault(SimulatedFaultKind.MalformedReply));
        using var client = sim.CreateClient();
        var caller = new ModelCaller(sim.Profile, sim.Server.Dialect, client, NoResize);

        var result = await caller.CallAsync(new ModelTask(ModelTaskKind.Ground, "OK"), Shot(640, 480), Ct);

        Assert.Equal(2, result.Calls);
        Assert.Contains("malformed", Assert.Single(result.RejectedReplies), StringComparison.Ordinal);
        Assert.Equal((20, 20), (((ClickAction)result.Reply.Action!).X, ((ClickAction)result.Reply.Action!).Y));
        var second = sim.Server.Requests[1];
        Assert.Equal(["system", "user", "assistant", "user"], second.Roles);
        Assert.Contains("Expected click(x,y)", second.UserTexts[^1], StringComparison.Ordinal);
        Assert.True(result.Usage!.PromptTokens > sim.Server.Requests.Count);
    }

    [Fact]
    public async Task CallAsync_MalformedTwice_ThrowsParseErrorWithRawAfterOneCorrection()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Server.InjectFault(new SimulatedFault(SimulatedFaultKind.MalformedReply) { Count = null });
        using var client = sim.CreateClient();
        var caller = new ModelCaller(sim.Profile, sim.Server.Dialect, client, NoResize);

        var ex = await Assert.ThrowsAsync<ModelReplyParseException>(() => caller.CallAsync(new ModelTask(ModelTaskKind.Ground, "OK"), Shot(640, 480), Ct));

        Assert.Contains("malformed", ex.Raw, StringComparison.Ordinal);
        Assert.Equal(2, sim.Server.Requests.Count);
    }

    [Fact]
    public async Task CallAsync_StructuredToolCallReply_IsParsedThroughTheDialect()
    {
        await using var sim = await SimHarness.StartAsync(new FakeClickDialect { ToolCalls = true });
        sim.Server.RegisterTarget("OK", new ScreenBox(100, 100, 120, 120), new PixelSize(640, 480));
        using var client = sim.CreateClient();
        var caller = new ModelCaller(sim.Profile, sim.Server.Dialect, client, NoResize);

        var result = await caller.CallAsync(new ModelTask(ModelTaskKind.NextAction, "OK"), Shot(640, 480), Ct);

        Assert.Equal((110, 110), (((ClickAction)result.Reply.Action!).X, ((ClickAction)result.Reply.Action!).Y));
        Assert.Null(Assert.Single(sim.Server.Requests).Fields["temperature"]);
    }
}
