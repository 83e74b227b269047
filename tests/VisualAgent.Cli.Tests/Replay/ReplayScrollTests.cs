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
        var (scrolled, _, report, replayed) = await RecordAndReplayAsync("scroll down", "window.scrollY");

        Assert.True(report.Succeeded, report.Reason);
        Assert.Equal(scrolled, replayed[0]);
    }

    [Fact]
    public async Task Replay_ScrollDownInsideTheInnerList_ScrollsTheListAsTheRunDid()
    {
        var (scrolled, details, report, replayed) = await RecordAndReplayAsync("scroll down in the Inner list", "document.getElementById('inner-list').scrollTop", "window.scrollY");

        var step = Assert.Single(details.Steps);
        Assert.Null(step.Intent!.Amount); // the words give no amount: the recorded action's is the one to replay
        var action = Assert.IsType<VisualAgent.Actions.ScrollAction>(step.Action);
        Assert.NotNull(action.X); // the point inside the list it scrolled at
        Assert.True(report.Succeeded, report.Reason);
        Assert.Equal(scrolled, replayed[0]);
        Assert.Equal("scroll at the recorded point", report.Steps[0].How);
        Assert.Equal("0", replayed[1]); // the list scrolled, not the page
    }

    /// <summary>
    /// Records <paramref name="steps"/> on samples/scroll/ (it must scroll: <paramref name="positions"/>[0] moves off 0),
    /// replays the run in a fresh browser with healing off, and reads <paramref name="positions"/> there.
    /// </summary>
    private async Task<(string Recorded, RunDetails Details, ReplayReport Report, string[] Replayed)> RecordAndReplayAsync(string steps, params string[] positions)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var agent = new AgentOnPage(fixture);
        var recorded = await agent.RunAsync(steps, fixture.Samples.Url("scroll/"), ct);
        Assert.True(recorded.Record.Status == RunStatus.Succeeded, recorded.Record.Reason);
        var scrolled = await agent.Driver!.EvaluateAsync(positions[0], ct);
        Assert.NotEqual("0", scrolled);

        var details = new RunReader(new RunStore(agent.RunsRoot)).Load("latest");
        await using var driver = await fixture.Browser.NewDriverAsync(fixture.Browser.Options.With(), ct);
        var samples = fixture.Samples.BaseUrl.TrimEnd('/');
        var report = await new ReplayRunner(driver).RunAsync(details, new ReplayRequest
        {
            Heal = HealMode.Off, BaseUrl = samples, SamplesBaseUrl = samples, Policy = new PolicyOptions(), Secret = _ => null,
        }, ct);
        var replayed = new string[positions.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            replayed[i] = await driver.EvaluateAsync(positions[i], ct);
        }

        return (scrolled, details, report, replayed);
    }
}
