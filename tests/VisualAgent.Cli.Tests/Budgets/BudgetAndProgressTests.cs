using VisualAgent.Actions;
using VisualAgent.Agent;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Geometry;
using VisualAgent.Hosting;
using VisualAgent.Models.Profiles;
using VisualAgent.Runs;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Budgets;

/// <summary>
/// Budgets and the no-progress guard on a real page with a simulated model planning (its scripted actions answered in
/// the Qwen3-VL grammar with the usage a server reports): the run stops cleanly between steps with the reason and the
/// cause in run.json, and every step records its tokens, time and cost.
/// </summary>
public sealed class BudgetAndProgressTests(E2eFixture fixture)
{
    private static readonly PixelSize Viewport = new(1280, 720);

    [Fact]
    public async Task Run_TokenBudget_StopsCleanlyAfterTheStepThatUsedItUp()
    {
        await using var agent = await SimulatedAgent.StartAsync(fixture, price: new ModelPrice { PerMillionInput = 2, PerMillionOutput = 8 });
        agent.Script(Enumerable.Repeat<AgentAction>(new MoveAction(300, 300), 6));

        var result = await agent.RunAsync(new AgentOptions { MaxTokensTotal = 1, NoProgressRepeats = 100 });

        var run = result.Record;
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(FailureCause.Budget, run.Cause);
        Assert.Contains("token budget (1 tokens, --max-tokens-total) is used up", run.Reason, StringComparison.Ordinal);
        Assert.Equal(1, run.Steps);
        var step = Assert.Single(RunReader.ReadSteps(result.Folder));
        Assert.True(step.Usage is { ImageTokens: > 0, CompletionTokens: > 0 }, "the step records its image and text tokens");
        Assert.True(step.ModelMs > 0 && step.TotalMs >= step.ModelMs);
        // Cost from the profile's price: per million input (image tokens included) and output tokens.
        var expected = (step.Usage!.PromptTokens * 2.0 / 1e6) + (step.Usage.CompletionTokens * 8.0 / 1e6);
        Assert.Equal(expected, step.Cost!.Value, 9);
        Assert.True(run.Cost >= step.Cost, "the run's cost covers its steps");
        Assert.Equal(1, run.Budget!["max_tokens_total"]);
    }

    [Fact]
    public async Task Run_CostBudget_StopsWithTheReason_AndWithoutAPriceIsRefusedBeforeAnything()
    {
        await using var priced = await SimulatedAgent.StartAsync(fixture, price: new ModelPrice { PerMillionInput = 1000 });
        priced.Script(Enumerable.Repeat<AgentAction>(new MoveAction(300, 300), 6));
        await using var unpriced = await SimulatedAgent.StartAsync(fixture, price: null);

        var result = await priced.RunAsync(new AgentOptions { MaxCost = 1.5, NoProgressRepeats = 100 });
        var refused = await Assert.ThrowsAsync<Errors.UsageException>(() => unpriced.RunAsync(new AgentOptions { MaxCost = 1 }));

        Assert.Equal(FailureCause.Budget, result.Record.Cause);
        Assert.Contains("cost budget (1.5, --max-cost) is used up", result.Record.Reason, StringComparison.Ordinal);
        Assert.InRange(result.Record.Steps, 1, 5);
        Assert.Contains("Price", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(unpriced.RunsRoot) ? Directory.GetDirectories(unpriced.RunsRoot) : []);
    }

    [Fact]
    public async Task Run_SameActionOnAnUnchangedScreen_PlannerToldOnceThenTheRunStops()
    {
        await using var agent = await SimulatedAgent.StartAsync(fixture, price: null);
        agent.Script(Enumerable.Repeat<AgentAction>(new WaitAction(0.05), 10));

        var result = await agent.RunAsync(new AgentOptions { NoProgressRepeats = 3 });

        var run = result.Record;
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(FailureCause.NoProgress, run.Cause);
        Assert.Contains("no progress: the same action", run.Reason, StringComparison.Ordinal);
        Assert.Equal(4, run.Steps);
        // The 4th decision was asked with the fact in its history (the re-plan); the 3rd was not.
        var asked = agent.Stack.Simulator!.Requests.Select(r => string.Join("\n", r.UserTexts)).ToList();
        Assert.DoesNotContain("did not change", asked[2], StringComparison.Ordinal);
        Assert.Contains("the screen did not change: it has no effect here", asked[3], StringComparison.Ordinal);
    }

    /// <summary>A sim-qwen3-vl planner with scripted actions, over a fresh page of the shared browser on the login sample.</summary>
    private sealed class SimulatedAgent : IAsyncDisposable
    {
        private readonly TempFolder _runs = new("budget");
        private E2eFixture _fixture = null!;
        private Drivers.Web.PlaywrightDriver? _driver;

        public ModelStack Stack { get; private set; } = null!;

        public string RunsRoot => Path.Combine(_runs.Path, "runs");

        public static async Task<SimulatedAgent> StartAsync(E2eFixture fixture, ModelPrice? price)
        {
            var profile = ModelProfiles.Simulated("qwen3-vl");
            profile.Price = price;
            return new SimulatedAgent { _fixture = fixture, Stack = await ModelStack.OpenAsync(profile, cancellationToken: TestContext.Current.CancellationToken) };
        }

        public void Script(IEnumerable<AgentAction> actions) => Stack.Simulator!.RegisterScript(actions, Viewport);

        public async Task<RunResult> RunAsync(AgentOptions options)
        {
            var browser = _fixture.Browser.Options.With();
            browser.ViewportWidth = Viewport.Width;
            browser.ViewportHeight = Viewport.Height;
            _driver ??= await _fixture.Browser.NewDriverAsync(browser, TestContext.Current.CancellationToken);
            var runner = AgentFactory.Create(new AgentSetup
            {
                Driver = _driver, Planner = Stack.CreatePlanner(), Grounder = Stack.Grounder, Store = new RunStore(RunsRoot),
                Options = options with { RetryDelay = TimeSpan.Zero }, Prompt = new DenyRiskyPrompt(),
            });
            return await runner.RunAsync(new RunRequest
            {
                Goal = "look at the login page", StartUrl = _fixture.Samples.Url("login/"), Model = Stack.Profile.Name, Simulated = true, Price = Stack.Price,
            }, TestContext.Current.CancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (_driver is not null)
            {
                await _driver.DisposeAsync();
            }

            await Stack.DisposeAsync();
            _runs.Dispose();
        }
    }
}
