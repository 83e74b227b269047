using Microsoft.Extensions.AI;
using VisualAgent.Actions;
using VisualAgent.Geometry;
using VisualAgent.Models.Client;
using VisualAgent.Models.Dialects;
using VisualAgent.Tests.Simulator;

namespace VisualAgent.Tests.Client;

public sealed class VlmSessionTests
{
    [Fact]
    public async Task SendAsync_SixSteps_DropsOldScreenshotsInChunksAndKeepsThePrefixStable()
    {
        await using var sim = await SimHarness.StartAsync();
        var size = new PixelSize(320, 224);
        sim.Server.RegisterScript(Enumerable.Range(0, 6).Select(i => (AgentAction)new ClickAction(10 * i, 20)), size);
        using var client = sim.CreateClient();
        var session = new VlmSession(new ModelCaller(sim.Profile, sim.Server.Dialect, client, ModelCallerTests.Resize)) { MaxImages = 4 };

        var xs = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            var result = await session.SendAsync(new ModelTask(ModelTaskKind.NextAction, $"step {i}"), ModelCallerTests.Shot(size.Width, size.Height), TestContext.Current.CancellationToken);
            xs.Add(((ClickAction)result.Reply.Action!).X);
        }

        Assert.Equal([0, 10, 20, 30, 40, 50], xs);
        Assert.Equal([1, 2, 3, 4, 3, 4], sim.Server.Requests.Select(r => r.ImageSizes.Count));
        Assert.Equal(4, session.ImageCount);
        Assert.Single(session.History, m => m.Role == ChatRole.System);
        Assert.Equal(1 + (6 * 2), session.History.Count);
        Assert.Equal(2, session.History.SelectMany(m => m.Contents).OfType<TextContent>().Count(t => t.Text == VlmSession.OmittedScreenshot));
        var systems = sim.Server.Requests.Select(r => r.SystemText).Distinct().ToList();
        Assert.Single(systems);
    }
}
