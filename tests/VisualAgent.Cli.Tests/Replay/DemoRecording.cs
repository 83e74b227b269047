using VisualAgent.Agent.Runs;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Replay;

/// <summary>
/// One recording of the README's demo (`visual-agent run --demo`, the real CLI) shared by the replay tests; each test
/// replays its own copy, so one that rewrites the recording (heal apply) does not change what the others see.
/// </summary>
public sealed class DemoRecording : IAsyncLifetime
{
    public const string SecretName = "VISUAL_AGENT_DEMO_PASSWORD";

    private readonly TempFolder _work = new("replay-demo");

    /// <summary>The folder holding runs/ with the one demo run.</summary>
    public string Work => _work.Path;

    public string RunFolder { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var env = new Dictionary<string, string> { [SecretName] = DemoWorkflow.Password, ["CI"] = "true" };
        var (exit, stdout, stderr) = await CliProcess.RunAsync(Work, env, TimeSpan.FromMinutes(2), "run", "--demo", "--runs", "runs");
        Assert.True(exit == 0, $"the demo run failed: exit {exit}\n{stdout}\n{stderr}");
        RunFolder = Support.RunFolder.Single(Path.Combine(Work, "runs"));
    }

    /// <summary>A copy of the recording (run.json, steps.jsonl) under a fresh runs folder, loaded as replay loads it.</summary>
    internal RunDetails Copy(TempFolder into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var folder = Path.Combine(into.Path, "runs", Path.GetFileName(RunFolder));
        Directory.CreateDirectory(folder);
        foreach (var file in new[] { "run.json", "steps.jsonl" })
        {
            File.Copy(Path.Combine(RunFolder, file), Path.Combine(folder, file));
        }

        return new RunReader(new RunStore(Path.Combine(into.Path, "runs"))).Load("latest");
    }

    public ValueTask DisposeAsync()
    {
        _work.Dispose();
        return ValueTask.CompletedTask;
    }
}
