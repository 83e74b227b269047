using VisualAgent.Actions;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Grounding;
using VisualAgent.Models.Client;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Grounding;
using VisualAgent.Models.Planning;
using VisualAgent.Planning;
using VisualAgent.Simulator;
using VisualAgent.Tests.Simulator;

namespace VisualAgent.Tests.Client;

/// <summary>A hostile model's nonsense replies (Qwen3-VL grammar) are judged, never acted on as they stand.</summary>
public sealed class JudgedReplyTests
{
    private const string Dialect = "qwen3-vl";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GroundAsync_PointFarOutsideTheImage_NotFoundNeverACornerWithConfidenceOne()
    {
        await using var sim = await StartAsync("""[{"point_2d": [99999, -5000], "label": "OK"}]""", count: null);
        var grounder = new ModelGrounder(Caller(sim));

        var result = await grounder.GroundAsync(new GroundingRequest(ModelCallerTests.Shot(1280, 800), "the OK button"), Ct);

        Assert.False(result.Found);
        Assert.Contains("far outside the 1280x800 image", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroundAsync_PointJustPastTheEdge_ClampedFlaggedAndNotCertain()
    {
        await using var sim = await StartAsync("""[{"point_2d": [1004, 500], "label": "OK"}]""");
        var grounder = new ModelGrounder(Caller(sim));

        var result = await grounder.GroundAsync(new GroundingRequest(ModelCallerTests.Shot(1280, 800), "the OK button"), Ct);

        Assert.True(result.Found);
        Assert.True(result.Clamped);
        Assert.Equal(1279, result.Point.X, 3);
        Assert.Equal(ModelGrounder.ClampedConfidence, result.Confidence);
    }

    [Fact]
    public async Task DecideAsync_PlainTextRefusal_IsAParseErrorAfterOneRepairNeverSuccess()
    {
        await using var sim = await StartAsync("I'm sorry, but I can't help with operating this website.", count: null);
        var planner = new ModelPlanner(new VlmSession(Caller(sim)), "test-profile");

        var ex = await Assert.ThrowsAsync<ModelReplyParseException>(() => planner.DecideAsync(Context(), Ct));

        Assert.Contains("holds no action", ex.Message, StringComparison.Ordinal);
        Assert.Contains("can't help", ex.Raw, StringComparison.Ordinal);
        Assert.Equal(2, sim.Server.Requests.Count); // the reply, then one corrective follow-up
    }

    [Fact]
    public async Task DecideAsync_BillionSecondWait_CutToMaxWaitSeconds()
    {
        await using var sim = await StartAsync("""<tool_call>{"name": "computer_use", "arguments": {"action": "wait", "time": 1e9}}</tool_call>""");
        var planner = new ModelPlanner(new VlmSession(Caller(sim)), "test-profile");

        var decision = await planner.DecideAsync(Context(), Ct);

        Assert.Equal(30, Assert.IsType<WaitAction>(decision.Action).Seconds);
    }

    [Fact]
    public async Task DecideAsync_ClickFarOutsideTheScreenshot_IsAParseErrorNotAClickInTheCorner()
    {
        await using var sim = await StartAsync("""<tool_call>{"name": "computer_use", "arguments": {"action": "left_click", "coordinate": [99999, -5000]}}</tool_call>""", count: null);
        var planner = new ModelPlanner(new VlmSession(Caller(sim)), "test-profile");

        var ex = await Assert.ThrowsAsync<ModelReplyParseException>(() => planner.DecideAsync(Context(), Ct));

        Assert.Contains("far outside", ex.Message, StringComparison.Ordinal);
    }

    private static PlannerContext Context() => new() { Goal = "open the settings", Screenshot = ModelCallerTests.Shot(1280, 800), History = [] };

    private static async Task<SimHarness> StartAsync(string reply, int? count = 1)
    {
        var sim = await SimHarness.StartAsync(DialectRegistry.Get(Dialect), configure: p => p.Dialect = Dialect);
        sim.Server.InjectFault(new SimulatedFault(SimulatedFaultKind.Reply) { Text = reply, Count = count });
        return sim;
    }

    private static ModelCaller Caller(SimHarness sim) =>
        new(sim.Profile, DialectRegistry.Get(Dialect), sim.CreateClient(), ModelCallerTests.Resize);
}
