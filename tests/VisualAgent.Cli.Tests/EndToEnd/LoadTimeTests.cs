using VisualAgent.Runs;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.EndToEnd;

/// <summary>What a page does as it loads, before any step: dialogs the plan answers, pop-ups nobody asked for.</summary>
public sealed class LoadTimeTests(E2eFixture fixture)
{
    [Theory]
    [InlineData("OK", "Terms accepted")]
    [InlineData("Cancel", "Terms declined")]
    public async Task Run_DialogOnLoad_IsAnsweredByTheFirstStep(string button, string shown)
    {
        await using var agent = new AgentOnPage(fixture);

        var result = await agent.RunAsync($"click \"{button}\" in the dialog; verify \"{shown}\"", fixture.Samples.Url("hostile/dialog-on-load.html"), TestContext.Current.CancellationToken);

        Assert.True(result.Record.Status == RunStatus.Succeeded, result.Record.Reason);
        Assert.Equal(2, result.Record.Steps);
    }

    [Fact]
    public async Task Run_PopupsOpenedOnLoad_AreRecordedAndTheAgentStaysOnItsPage()
    {
        await using var agent = new AgentOnPage(fixture);

        var result = await agent.RunAsync("click \"Subscribe\"; verify \"Subscribed\"", fixture.Samples.Url("hostile/popup-on-load.html"), TestContext.Current.CancellationToken);

        Assert.True(result.Record.Status == RunStatus.Succeeded, result.Record.Reason);
        Assert.Equal("true", await agent.Driver!.EvaluateAsync("window.__state.subscribed", TestContext.Current.CancellationToken));
        Assert.EndsWith("/hostile/popup-on-load.html", agent.Driver.CurrentUrl, StringComparison.Ordinal);
        var notes = string.Join("\n", RunFolder.Steps(result.Folder).Select(s => RunFolder.String(s, "description")));
        Assert.Contains("popup-ad.html", notes, StringComparison.Ordinal);
        Assert.Contains("not followed", notes, StringComparison.Ordinal);
    }
}
