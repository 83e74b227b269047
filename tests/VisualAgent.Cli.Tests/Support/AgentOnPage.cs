using VisualAgent.Agent;
using VisualAgent.Agent.Offline;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Drivers.Web;
using VisualAgent.Hosting;
using VisualAgent.Vision.Grounding;

namespace VisualAgent.Tests.Support;

/// <summary>The offline agent, assembled as the CLI assembles it, on a fresh page of the shared browser.</summary>
internal sealed class AgentOnPage(E2eFixture fixture) : IAsyncDisposable
{
    private readonly TempFolder _runs = new("agent");

    public AgentOptions Options { get; } = new() { RetryDelay = TimeSpan.FromMilliseconds(50), WaitTimeout = TimeSpan.FromSeconds(5) };

    public PolicyOptions Policy { get; set; } = new();

    public Dictionary<string, string> Environment { get; } = [];

    public Action<BrowserOptions>? Browser { get; set; }

    public PlaywrightDriver? Driver { get; private set; }

    public string RunsRoot => _runs.Path;

    /// <summary>Runs the explicit steps from <paramref name="startUrl"/> and returns the finished run.</summary>
    public async Task<RunResult> RunAsync(string instruction, string? startUrl, CancellationToken cancellationToken = default)
    {
        var options = fixture.Browser.Options.With();
        options.DownloadsDir = Path.Combine(_runs.Path, "browser-downloads");
        Browser?.Invoke(options);
        Driver ??= await fixture.Browser.NewDriverAsync(options, cancellationToken);
        var secrets = new SecretResolver(new SecretMasker(), name => Environment.GetValueOrDefault(name), declared: SecretResolver.Names(instruction));
        secrets.EnsureDeclaredAvailable();
        var runner = AgentFactory.Create(new AgentSetup
        {
            Driver = Driver, Planner = OfflinePlanner.FromInstruction(instruction), Grounder = new OcrGrounder(fixture.Ocr),
            Store = new RunStore(_runs.Path), Options = Options, Policy = Policy, Prompt = new DenyRiskyPrompt(), Secrets = secrets,
        });
        return await runner.RunAsync(new RunRequest { Goal = instruction, StartUrl = startUrl, GroundThroughElements = true }, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Driver is not null)
        {
            await Driver.DisposeAsync();
        }

        _runs.Dispose();
    }
}
