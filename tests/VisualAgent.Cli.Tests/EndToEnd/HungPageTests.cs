using VisualAgent.Runs;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.EndToEnd;

/// <summary>
/// A page whose script never yields stops answering screenshots, scripts and input. The run must not wait on it
/// forever: the driver finds it hung (it answers not even "1"), closes it (ending its renderer) and the run ends as
/// failed with "page hung", its run.json and report written; the shared browser goes on serving other pages.
/// </summary>
public sealed class HungPageTests(E2eFixture fixture)
{
    [Fact(Timeout = 180_000)]
    public async Task Run_ScriptThatNeverEnds_EndsFailedWithPageHung()
    {
        await using var agent = new AgentOnPage(fixture) { Browser = o => o.NavigationTimeoutMs = 3_000 };

        var result = await agent.RunAsync("click \"Build report\"; verify \"Report ready\"", fixture.Samples.Url("hostile/busy-loop.html"), TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Failed, result.Record.Status);
        Assert.Contains("page hung", result.Record.Reason, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(result.Folder, "report.html")), "no report.html");
        Assert.Equal("failed", RunFolder.String(RunFolder.RunJson(result.Folder), "status"));

        // The browser itself is fine: a new page of it works.
        await using var next = await fixture.Browser.NewDriverAsync(cancellationToken: TestContext.Current.CancellationToken);
        await next.NavigateAsync(fixture.Samples.Url("login/"), TestContext.Current.CancellationToken);
        Assert.EndsWith("/login/", next.CurrentUrl, StringComparison.Ordinal);
    }
}
