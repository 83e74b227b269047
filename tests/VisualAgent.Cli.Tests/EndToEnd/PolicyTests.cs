using VisualAgent.Agent;
using VisualAgent.Agent.Offline;
using VisualAgent.Agent.Runs;
using VisualAgent.Errors;
using VisualAgent.Runs;
using VisualAgent.Tests.Support;
using VisualAgent.Vision.Grounding;

namespace VisualAgent.Tests.EndToEnd;

/// <summary>The policy keeps the agent inside the allowed origins.</summary>
public sealed class PolicyTests(E2eFixture fixture)
{
    [Fact]
    public async Task Run_OpenOutsideAllowedOrigins_ExitsBlockedWithCode4()
    {
        using var work = new TempFolder("policy-cli");

        var (exit, stdout, stderr) = await CliProcess.RunAsync(work.Path, null, TimeSpan.FromSeconds(90),
            "run", "--url", "samples:login/", "--runs", "runs", "type \"alice\" into the Username field; open https://example.com/");

        Assert.True(exit == ExitCodes.Blocked, $"exit {exit}\n{stdout}\n{stderr}");
        var folder = RunFolder.Single(Path.Combine(work.Path, "runs"));
        var run = RunFolder.RunJson(folder);
        Assert.Equal("blocked", RunFolder.String(run, "status"));
        Assert.Contains("example.com", RunFolder.String(run, "reason"), StringComparison.Ordinal);
        var steps = RunFolder.Steps(folder);
        Assert.Equal(["ok", "blocked"], steps.Select(s => RunFolder.String(s, "outcome")));
    }

    [Fact]
    public async Task RunAsync_OpenOutsideAllowedOrigins_MakesNoRequestThere()
    {
        using var runs = new TempFolder("policy");
        await using var driver = await fixture.Browser.NewDriverAsync(cancellationToken: TestContext.Current.CancellationToken);
        var requested = new List<string>();
        driver.CurrentPage.Context.Request += (_, r) =>
        {
            lock (requested)
            {
                requested.Add(r.Url);
            }
        };
        var runner = new AgentRunner(driver, OfflinePlanner.FromInstruction("open https://example.com/; click \"More information\""), new OcrGrounder(fixture.Ocr), new RunStore(runs.Path));

        var result = await runner.RunAsync(new RunRequest { Goal = "open https://example.com/", StartUrl = fixture.Samples.Url("login/") }, TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Blocked, result.Record.Status);
        Assert.Equal(ExitCodes.Blocked, result.ExitCode);
        lock (requested)
        {
            Assert.Contains(requested, u => u.StartsWith(fixture.Samples.BaseUrl, StringComparison.Ordinal));
            Assert.DoesNotContain(requested, u => u.Contains("example.com", StringComparison.OrdinalIgnoreCase));
        }

        Assert.StartsWith(fixture.Samples.BaseUrl, driver.CurrentUrl, StringComparison.Ordinal);
    }
}
