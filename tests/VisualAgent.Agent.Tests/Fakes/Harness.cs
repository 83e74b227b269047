using VisualAgent.Agent;
using VisualAgent.Agent.Offline;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Imaging;

namespace VisualAgent.Tests.Fakes;

/// <summary>Builds an AgentRunner over the fakes with test-friendly defaults (no retry delay, short waits).</summary>
internal sealed class Harness : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <param name="page">True: the browser also offers the page's elements (<see cref="FakePageDriver"/>).</param>
    public Harness(bool page = false)
    {
        Driver = page ? new FakePageDriver() : new FakeBrowserDriver();
    }

    public FakeBrowserDriver Driver { get; }

    public FakePageDriver Page => Driver as FakePageDriver ?? throw new InvalidOperationException("Create the harness with page: true.");

    public FakeGrounder Grounder { get; } = new();

    public AgentOptions Options { get; set; } = new()
    {
        RetryDelay = TimeSpan.Zero, WaitTimeout = TimeSpan.FromMilliseconds(300), PollInterval = TimeSpan.FromMilliseconds(20),
    };

    public PolicyOptions Policy { get; } = new();

    public IConfirmationPrompt Prompt { get; set; } = new DenyRiskyPrompt();

    public Dictionary<string, string> Environment { get; } = [];

    public SecretMasker Masker { get; } = new();

    public IScreenshotMasker? ScreenshotMasker { get; set; }

    public IPauseController Pause { get; set; } = NoPauseController.Instance;

    public RunStore Store => new(Path.Combine(_folder.Path, "runs"));

    public string Root => _folder.Path;

    public Task<RunResult> RunAsync(string instruction, string? startUrl = null, CancellationToken cancellationToken = default)
    {
        var runner = new AgentRunner(
            Driver, OfflinePlanner.FromInstruction(instruction), Grounder, Store, Options, Policy, Prompt,
            new SecretResolver(Masker, name => Environment.GetValueOrDefault(name)), ScreenshotMasker)
        {
            Pause = Pause,
        };
        return runner.RunAsync(new RunRequest { Goal = instruction, StartUrl = startUrl }, cancellationToken);
    }

    public void Dispose() => _folder.Dispose();
}
