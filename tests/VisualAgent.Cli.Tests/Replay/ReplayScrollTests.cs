using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Codegen.Replay;
using VisualAgent.Runs;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Replay;

/// <summary>
/// A recorded "scroll down" (no amount in its words) replays by the amount the run scrolled, not by nothing; so does a
/// scroll inside a target ("scroll down in the Inner list"), at the point inside the target the run scrolled at.
/// </summary>
public sealed class ReplayScrollTests(E2eFixture fixture)
{
    [Fact]
    public async Task Replay_ScrollDownThenClickBelowTheFold_ScrollsAsTheRunDidAndSucceeds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var agent = new AgentOnPage(fixture);
        var recorded = await agent.RunAsync("scroll down", fixture.Samples.Url("scroll/"), ct);
        Assert.True(recorded.Record.Status == RunStatus.Succeeded, recorded.Record.Reason);
        var scrolled = await agent.Driver!.EvaluateAsync("window.scrollY", ct);
        Assert.NotEqual("0", scrolled);

        var details = new RunReader(new RunStore(agent.RunsRoot)).Load("latest");
        await using var driver = await fixture.Browser.NewDriverAsync(fixture.Browser.Options.With(), ct);
        var samples = fixture.Samples.BaseUrl.TrimEnd('/');
        var report = await new ReplayRunner(driver).RunAsync(details, new ReplayRequest
        {
            Heal = HealMode.Off, BaseUrl = samples, SamplesBaseUrl = samples, Policy = new PolicyOptions(), Secret = _ => null,
        }, ct);

        Assert.True(report.Succeeded, report.Reason);
        Assert.Equal(scrolled, await driver.EvaluateAsync("window.scrollY", ct));
    }

    [Fact]
    public async Task Replay_ScrollDownInsideTheInnerList_ScrollsTheListAsTheRunDid()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var agent = new AgentOnPage(fixture);
        var recorded = await agent.RunAsync("scroll down in the Inner list", fixture.Samples.Url("scroll/"), ct);
        Assert.True(recorded.Record.Status == RunStatus.Succeeded, recorded.Record.Reason);
        var scrolled = await agent.Driver!.EvaluateAsync("document.getElementById('inner-list').scrollTop", ct);
        Assert.NotEqual("0", scrolled);

        var details = new RunReader(new RunStore(agent.RunsRoot)).Load("latest");
        var step = Assert.Single(details.Steps);
        Assert.Null(step.Intent!.Amount); // the words give no amount: the recorded action's is the one to replay
        var action = Assert.IsType<VisualAgent.Actions.ScrollAction>(step.Action);
        Assert.NotNull(action.X); // the point inside the list it scrolled at
        await using var driver = await fixture.Browser.NewDriverAsync(fixture.Browser.Options.With(), ct);
        var samples = fixture.Samples.BaseUrl.TrimEnd('/');
        var report = await new ReplayRunner(driver).RunAsync(details, new ReplayRequest
        {
            Heal = HealMode.Off, BaseUrl = samples, SamplesBaseUrl = samples, Policy = new PolicyOptions(), Secret = _ => null,
        }, ct);

        Assert.True(report.Succeeded, report.Reason);
        Assert.Equal(scrolled, await driver.EvaluateAsync("document.getElementById('inner-list').scrollTop", ct));
        Assert.Equal("scroll at the recorded point", report.Steps[0].How);
        Assert.Equal("0", await driver.EvaluateAsync("window.scrollY", ct)); // the list scrolled, not the page
    }
}
