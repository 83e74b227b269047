using VisualAgent.Actions;
using VisualAgent.Drivers;
using VisualAgent.Errors;
using VisualAgent.Models.Client;
using VisualAgent.Models.Dialects;
using VisualAgent.Simulator;
using VisualAgent.Tests.Simulator;

namespace VisualAgent.Tests.Client;

/// <summary>A hostile model's nonsense replies (Qwen3-VL grammar) are judged, never acted on as they stand.</summary>
public sealed class JudgedReplyTests
{
    private const string Dialect = "qwen3-vl";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallAsync_GroundingPointFarOutsideTheImage_ParseErrorNeverACorner()
    {
        await using var sim = await StartAsync("""[{"point_2d": [99999, -5000], "label": "OK"}]""", count: null);

        var ex = await Assert.ThrowsAsync<ModelReplyParseException>(() => Caller(sim).CallAsync(new ModelTask(ModelTaskKind.Ground, "the OK button"), Shot(), Ct));

        Assert.Contains("far outside the 1280x800 image", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallAsync_GroundingPointJustPastTheEdge_ClampedAndFlagged()
    {
        await using var sim = await StartAsync("""[{"point_2d": [1004, 500], "label": "OK"}]""");

        var result = await Caller(sim).CallAsync(new ModelTask(ModelTaskKind.Ground, "the OK button"), Shot(), Ct);

        var click = Assert.IsType<ClickAction>(result.Reply.Action);
        Assert.True(click.Clamped);
        Assert.Equal(1279, click.X, 3);
    }

    [Fact]
    public async Task CallAsync_NextActionPlainTextRefusal_ParseErrorAfterOneRepairNeverAnAnswer()
    {
        await using var sim = await StartAsync("I'm sorry, but I can't help with operating this website.", count: null);

        var ex = await Assert.ThrowsAsync<ModelReplyParseException>(() => Caller(sim).CallAsync(NextAction(), Shot(), Ct));

        Assert.Contains("holds no action", ex.Message, StringComparison.Ordinal);
        Assert.Contains("can't help", ex.Raw, StringComparison.Ordinal);
        Assert.Equal(2, sim.Server.Requests.Count); // the reply, then one corrective follow-up
    }

    [Fact]
    public async Task CallAsync_BillionSecondWait_CutToMaxWaitSeconds()
    {
        await using var sim = await StartAsync("""<tool_call>{"name": "computer_use", "arguments": {"action": "wait", "time": 1e9}}</tool_call>""");

        var result = await Caller(sim).CallAsync(NextAction(), Shot(), Ct);

        Assert.Equal(30, Assert.IsType<WaitAction>(result.Reply.Action).Seconds);
    }

    [Fact]
    public async Task CallAsync_ClickFarOutsideTheScreenshot_ParseErrorNotAClickInTheCorner()
    {
        await using var sim = await StartAsync("""<tool_call>{"name": "computer_use", "arguments": {"action": "left_click", "coordinate": [99999, -5000]}}</tool_call>""", count: null);

        var ex = await Assert.ThrowsAsync<ModelReplyParseException>(() => Caller(sim).CallAsync(NextAction(), Shot(), Ct));

        Assert.Contains("far outside", ex.Message, StringComparison.Ordinal);
    }

    private static ModelTask NextAction() => new(ModelTaskKind.NextAction, "open the settings");

    private static Screenshot Shot() => ModelCallerTests.Shot(1280, 800);

    private static async Task<SimHarness> StartAsync(string reply, int? count = 1)
    {
        var sim = await SimHarness.StartAsync(DialectRegistry.Get(Dialect), configure: p => p.Dialect = Dialect);
        sim.Server.InjectFault(new SimulatedFault(SimulatedFaultKind.Reply) { Text = reply, Count = count });
        return sim;
    }

    private static ModelCaller Caller(SimHarness sim) =>
        new(sim.Profile, DialectRegistry.Get(Dialect), sim.CreateClient(), ModelCallerTests.Resize);
}
