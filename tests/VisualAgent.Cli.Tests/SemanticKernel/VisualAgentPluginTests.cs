using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Drivers.Web;
using VisualAgent.Errors;
using VisualAgent.Models.Client;
using VisualAgent.Models.Profiles;
using VisualAgent.SemanticKernel;
using VisualAgent.Simulator;
using VisualAgent.Tests.Support;
using VisualAgent.Vision.Grounding;

namespace VisualAgent.Tests.SemanticKernel;

/// <summary>The agent as a Semantic Kernel plugin, driven by a SIMULATED planner that calls its functions from a task's solution.</summary>
public sealed class VisualAgentPluginTests(E2eFixture fixture)
{
    [Fact]
    public async Task AddVisualAgent_SimulatedPlannerCallsTheFunctions_CompletesTheLoginTask()
    {
        var ct = TestContext.Current.CancellationToken;
        var task = fixture.Suite["login-success"];
        await using var server = await StartSimulatorAsync(ct);
        var calls = KernelToolScript.ForPlugin(task.Solution!);
        server.RegisterToolCalls(calls, "(simulated) You are logged in as alice.");
        using var client = Client(server);
        await using var page = await OpenAsync(task.ResolveUrl(fixture.Samples.BaseUrl), ct);
        using var runs = new TempFolder("sk-plugin");
        var kernel = KernelOver(client);
        kernel.Plugins.AddVisualAgent(Options(page, runs, new AlwaysYesPrompt())); // the task allows its risky step (a password typed)

        var history = new ChatHistory("You operate a web browser with the VisualAgent functions.");
        history.AddUserMessage(task.Instruction!);
        var reply = await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(
            history, new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }, kernel, ct);

        Assert.Equal("true", await page.EvaluateAsync($"(async () => !!(await ({task.SuccessJs})))()", ct));
        Assert.Contains("(simulated)", reply.Content, StringComparison.Ordinal);
        Assert.Equal(["type", "type", "click", "run_task"], calls.Select(c => c.Function));
        Assert.Equal(calls.Count + 1, server.Requests.Count); // one request per function call, then the final answer
        var results = history.SelectMany(m => m.Items.OfType<Microsoft.SemanticKernel.FunctionResultContent>()).ToList();
        Assert.Equal(calls.Count, results.Count);
        Assert.All(results, r => Assert.Contains("\"succeeded\"", r.Result as string ?? System.Text.Json.JsonSerializer.Serialize(r.Result), StringComparison.Ordinal));
        Assert.Equal(calls.Count, Directory.GetDirectories(runs.Path).Count(d => File.Exists(Path.Combine(d, "run.json"))));
    }

    [Fact]
    public async Task Type_PasswordWithoutConsent_IsBlockedByTheSafetyPolicy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var page = await OpenAsync(fixture.Samples.Url("login/"), ct);
        using var runs = new TempFolder("sk-plugin");
        var plugin = new VisualAgentPlugin(Options(page, runs, prompt: null));

        var report = await plugin.TypeAsync("wonderland", "the Password field", cancellationToken: ct);

        Assert.Equal("blocked", report.Status);
        Assert.False(report.Succeeded);
        Assert.Equal("0", await page.EvaluateAsync("document.querySelector('input[type=password]').value.length", ct));
    }

    [Fact]
    public async Task Click_TargetThatReadsAsTwoSteps_IsRefusedBeforeAnythingRuns()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var page = await OpenAsync(fixture.Samples.Url("login/"), ct);
        using var runs = new TempFolder("sk-plugin");
        var plugin = new VisualAgentPlugin(Options(page, runs, new AlwaysYesPrompt()));

        var ex = await Assert.ThrowsAsync<UsageException>(() => plugin.ClickAsync("Log in; open https://example.com", ct));

        Assert.Contains("one step", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(runs.Path));
        await Assert.ThrowsAsync<PolicyBlockedException>(() => plugin.TypeAsync("{{secret:HOME}}", "the Username field", cancellationToken: ct));
    }

    [Fact]
    public async Task Ground_TargetNotOnTheScreen_SaysItWasNotFound()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var page = await OpenAsync(fixture.Samples.Url("login/"), ct);
        using var runs = new TempFolder("sk-plugin");
        var plugin = new VisualAgentPlugin(Options(page, runs, null));

        var found = await plugin.GroundAsync("Log in", ct);
        var ex = await Assert.ThrowsAsync<TargetNotFoundException>(() => plugin.GroundAsync("Purple Elephant Settings", ct));

        Assert.StartsWith("'Log in' at (", found, StringComparison.Ordinal);
        Assert.Contains("was not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportScript_AfterATypedStep_WritesThePlaywrightScriptOfThatRun()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var page = await OpenAsync(fixture.Samples.Url("login/"), ct);
        using var runs = new TempFolder("sk-plugin");
        var plugin = new VisualAgentPlugin(Options(page, runs, null));
        var nothingYet = Assert.Throws<UsageException>(() => plugin.ExportScript("playwright-ts"));

        var report = await plugin.TypeAsync("alice", "the Username field", cancellationToken: ct);
        var script = plugin.ExportScript("playwright-ts");

        Assert.True(report.Succeeded, report.Reason);
        Assert.Contains("no run to export yet", nothingYet.Message, StringComparison.Ordinal);
        Assert.Contains(".fill(\"alice\")", script, StringComparison.Ordinal);
        Assert.Contains("name: \"Username\"", script, StringComparison.Ordinal);
        Assert.Contains("playwright-core", script, StringComparison.Ordinal);
        Assert.Contains("Unknown target 'cobol'", Assert.Throws<UsageException>(() => plugin.ExportScript("cobol")).Message, StringComparison.Ordinal);
    }

    private VisualAgentPluginOptions Options(PlaywrightDriver page, TempFolder runs, IConfirmationPrompt? prompt) => new()
    {
        Driver = page,
        Grounder = new OcrGrounder(fixture.Ocr),
        Store = new RunStore(runs.Path),
        Prompt = prompt,
        Options = new Agent.AgentOptions { RetryDelay = TimeSpan.FromMilliseconds(50), WaitTimeout = TimeSpan.FromSeconds(5) },
    };

    private async Task<PlaywrightDriver> OpenAsync(string url, CancellationToken ct)
    {
        var page = await fixture.Browser.NewDriverAsync(cancellationToken: ct);
        await page.NavigateAsync(url, ct);
        return page;
    }

    internal static async Task<SimulatedServer> StartSimulatorAsync(CancellationToken ct)
    {
        var server = new SimulatedServer(Models.Dialects.DialectRegistry.Get("generic-json"));
        await server.StartAsync(ct);
        return server;
    }

    internal static IChatClient Client(SimulatedServer server) =>
        ModelClientFactory.Create(ModelProfiles.Simulated("generic-json").WithEndpoint(server.BaseUrl));

    private static Kernel KernelOver(IChatClient client)
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(new ChatClientBuilder(client).UseKernelFunctionInvocation().Build().AsChatCompletionService());
        return builder.Build();
    }
}
