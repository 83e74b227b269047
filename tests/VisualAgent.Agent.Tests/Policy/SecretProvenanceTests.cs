using VisualAgent.Actions;
using VisualAgent.Agent;
using VisualAgent.Agent.Policy;
using VisualAgent.Planning;
using VisualAgent.Runs;
using VisualAgent.Tests.Fakes;

namespace VisualAgent.Tests.Policy;

/// <summary>A hostile model asks to type an environment variable: the run is blocked and the value never reaches the page.</summary>
public sealed class SecretProvenanceTests
{
    private const string ApiKey = "sk-test-THE-REAL-KEY-0000";

    [Fact]
    public async Task RunAsync_ModelRepliesTypeSecretReference_BlockedAndTheValueNeverTyped()
    {
        using var h = new Harness();
        h.Environment["OPENAI_API_KEY"] = ApiKey;
        var planner = new ScriptedModelPlanner(new TypeAction("{{secret:OPENAI_API_KEY}}", Submit: true));

        var result = await RunAsync(h, planner, new SecretResolver(h.Masker, name => h.Environment.GetValueOrDefault(name)));

        Assert.Equal(RunStatus.Blocked, result.Record.Status);
        Assert.Contains("never from a model's reply", result.Record.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, h.Driver.Typed.ToString(), StringComparison.Ordinal);
        Assert.Empty(h.Driver.Actions.OfType<TypeAction>());
    }

    [Fact]
    public async Task RunAsync_ModelTypesPlainText_TypedAsItStands()
    {
        using var h = new Harness();
        var planner = new ScriptedModelPlanner(new TypeAction("alice"), new DoneAction());

        var result = await RunAsync(h, planner, new SecretResolver(h.Masker, _ => null, declared: []));

        Assert.Equal(RunStatus.Succeeded, result.Record.Status);
        Assert.Equal("alice", h.Driver.Typed.ToString());
    }

    private static Task<RunResult> RunAsync(Harness h, IPlanner planner, SecretResolver secrets) =>
        new AgentRunner(h.Driver, planner, h.Grounder, h.Store, h.Options, h.Policy, h.Prompt, secrets)
            .RunAsync(new RunRequest { Goal = "log in" }, TestContext.Current.CancellationToken);

    /// <summary>Stands in for a one-call model planner: each decision is the next scripted action, with a raw reply.</summary>
    private sealed class ScriptedModelPlanner(params AgentAction[] actions) : IPlanner
    {
        private int _next;

        public string Name => "hostile-model";

        public Task<PlannerDecision> DecideAsync(PlannerContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(PlannerDecision.Of(_next < actions.Length ? actions[_next++] : new DoneAction(), "(raw reply)"));
    }
}
