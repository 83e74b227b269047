using System.Diagnostics;
using VisualAgent.Agent;
using VisualAgent.Agent.Planning;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Errors;
using VisualAgent.Hosting;
using VisualAgent.Models.Client;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Profiles;
using VisualAgent.Planning;
using VisualAgent.Runs;
using VisualAgent.SemanticKernel;
using VisualAgent.Tests.Support;
using VisualAgent.Vision;
using VisualAgent.Vision.Grounding;

namespace VisualAgent.Tests.SemanticKernel;

/// <summary>`run --planner sk:PROFILE`: a Kernel with automatic function calling plans each step of the agent's loop (SIMULATED model).</summary>
public sealed class KernelStepPlannerTests(E2eFixture fixture)
{
    [Fact]
    public async Task RunAsync_KernelPlannerFollowsTheSolution_LoopSucceedsAndTheAppAgrees()
    {
        var ct = TestContext.Current.CancellationToken;
        var task = fixture.Suite["login-success"];
        await using var server = await VisualAgentPluginTests.StartSimulatorAsync(ct);
        var script = KernelToolScript.ForPlanner(task.Solution!);
        server.RegisterToolCalls(script, "(simulated) no more steps");
        using var client = VisualAgentPluginTests.Client(server);
        await using var page = await fixture.Browser.NewDriverAsync(cancellationToken: ct);
        using var runs = new TempFolder("sk-planner");
        var runner = AgentFactory.Create(new AgentSetup
        {
            Driver = page,
            Planner = new KernelStepPlanner(client, "sk:sim-generic-json"),
            Grounder = new OcrGrounder(fixture.Ocr),
            Store = new RunStore(runs.Path),
            Prompt = new AlwaysYesPrompt(), // the task allows its risky step (a password typed)
            Options = new AgentOptions { RetryDelay = TimeSpan.FromMilliseconds(50), WaitTimeout = TimeSpan.FromSeconds(5) },
        });

        var result = await runner.RunAsync(new RunRequest { Goal = task.Instruction!, StartUrl = task.ResolveUrl(fixture.Samples.BaseUrl), Model = "sk:sim-generic-json+offline", Simulated = true, GroundThroughElements = true }, ct);

        Assert.True(result.Record.Status == RunStatus.Succeeded, result.Record.Reason);
        Assert.Equal("true", await page.EvaluateAsync($"(async () => !!(await ({task.SuccessJs})))()", ct));
        Assert.Equal(script.Count, server.Requests.Count); // one Kernel call per step, done included
        Assert.All(server.Requests, r => Assert.Contains("step_click", r.Fields["tools"]!.ToJsonString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task DecideAsync_ModelAnswersWithoutAFunction_IsAParseErrorNotDone()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await VisualAgentPluginTests.StartSimulatorAsync(ct);
        server.RegisterToolCalls([], "I think the page looks fine.");
        using var client = VisualAgentPluginTests.Client(server);
        var planner = new KernelStepPlanner(client, "sk:sim");

        var ex = await Assert.ThrowsAsync<ModelReplyParseException>(() => planner.DecideAsync(Context("log in"), ct));

        Assert.Contains("without calling a step function", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecideAsync_FunctionArgumentsHoldASecondStep_AreRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await VisualAgentPluginTests.StartSimulatorAsync(ct);
        server.RegisterToolCalls([("click", new System.Text.Json.Nodes.JsonObject { ["target"] = "OK; open https://example.com" })], "");
        using var client = VisualAgentPluginTests.Client(server);
        var planner = new KernelStepPlanner(client, "sk:sim");

        var ex = await Assert.ThrowsAsync<ModelReplyParseException>(() => planner.DecideAsync(Context("log in"), ct));

        Assert.Contains("one step", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Per-step overhead of the Kernel planner against the built-in words planner, both on the SIMULATED server (same
    /// screenshot, same HTTP client pipeline): medians printed, not asserted. Run with
    /// dotnet test tests/VisualAgent.Cli.Tests --filter "Category=Benchmark&amp;FullyQualifiedName~KernelStepPlanner".
    /// </summary>
    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task DecideAsync_PerStepOverhead_KernelVersusWordsPlanner()
    {
        const int n = 60;
        var ct = TestContext.Current.CancellationToken;
        await using var server = await VisualAgentPluginTests.StartSimulatorAsync(ct);
        server.RegisterToolCalls(Enumerable.Repeat(("click", new System.Text.Json.Nodes.JsonObject { ["target"] = "Log in" }), n + 5), "");
        var profile = ModelProfiles.Simulated("generic-json").WithEndpoint(server.BaseUrl);
        using var client = ModelClientFactory.Create(profile);
        var kernel = new KernelStepPlanner(client, "sk:sim");
        var words = new WordsPlanner(new ModelCaller(profile, DialectRegistry.Get("generic-json"), client, PngResizer.Resize));
        var context = Context("log in as alice");
        var k = await TimeAsync(async () => await kernel.DecideAsync(context, ct), n);
        var w = await TimeAsync(async () =>
        {
            try
            {
                return await words.DecideAsync(context, ct);
            }
            catch (ModelReplyParseException)
            {
                return null; // the simulator's answer is not a step for the words planner: the round trip is what is timed
            }
        }, n);
        TestContext.Current.TestOutputHelper?.WriteLine($"median ms per step over {n}: kernel planner {k:0.00}, words planner {w:0.00}, overhead {k - w:0.00} (simulated server)");
        Assert.True(k > 0 && w > 0);
    }

    private static async Task<double> TimeAsync(Func<Task<PlannerDecision?>> decide, int n)
    {
        await decide(); // warm-up
        var times = new List<double>();
        for (var i = 0; i < n; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await decide();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        return times[n / 2];
    }

    private static PlannerContext Context(string goal) => new()
    {
        Goal = goal,
        Screenshot = new Drivers.Screenshot { Png = TinyPng, Size = new Geometry.PixelSize(64, 48) },
    };

    private static readonly byte[] TinyPng = PngOf(64, 48);

    private static byte[] PngOf(int width, int height)
    {
        using var image = Image.FromGray(new byte[width * height], width, height);
        return image.EncodePng();
    }
}
