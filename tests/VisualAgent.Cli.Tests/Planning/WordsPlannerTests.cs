using VisualAgent.Actions;
using VisualAgent.Agent.Planning;
using VisualAgent.Drivers;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Models.Client;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Profiles;
using VisualAgent.Planning;
using VisualAgent.Simulator;
using VisualAgent.Vision;

namespace VisualAgent.Tests.Planning;

/// <summary>Planner + grounder mode: a (simulated) model says the next step in words; the step grammar reads it.</summary>
public sealed class WordsPlannerTests
{
    private static readonly PixelSize Size = new(320, 200);

    [Fact]
    public async Task DecideAsync_ModelSaysAStep_ReturnsTheParsedIntentForAGrounder()
    {
        var decision = await DecideAsync("export the pending orders", "click the \"Export CSV\" button");

        Assert.Null(decision.Action);
        Assert.Equal(StepVerb.Click, decision.Intent!.Verb);
        Assert.Contains("Export CSV", decision.Intent.Target, StringComparison.Ordinal);
        Assert.NotNull(decision.Usage);
    }

    [Fact]
    public async Task DecideAsync_ModelSaysDone_EndsWithSuccess()
    {
        var decision = await DecideAsync("export the pending orders", "done");

        Assert.Equal(DoneStatus.Success, Assert.IsType<DoneAction>(decision.Action).Status);
    }

    [Fact]
    public async Task DecideAsync_ModelRamblesOutsideTheGrammar_ThrowsParseErrorWithRaw()
    {
        var ex = await Assert.ThrowsAsync<ModelReplyParseException>(() => DecideAsync("export the pending orders", "I think we could maybe look around"));

        Assert.Contains("look around", ex.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecideAsync_ModelRepliesWithOnlyQuotes_IsAParseErrorNeverDone()
    {
        var ex = await Assert.ThrowsAsync<ModelReplyParseException>(() => DecideAsync("export the pending orders", "\"\""));

        Assert.Contains("holds no step", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<PlannerDecision> DecideAsync(string goal, string reply)
    {
        var ct = TestContext.Current.CancellationToken;
        var dialect = DialectRegistry.Get("generic-json");
        var simulated = ModelProfiles.Simulated(dialect.Id);
        await using var server = await SimulatedServer.StartForProfileAsync(simulated, ct);
        server.RegisterAnswer("User's goal: " + goal, new ParsedReply { Text = reply, Task = ModelTaskKind.Answer }, Size);
        var profile = simulated.WithEndpoint(server.BaseUrl);
        var caller = new ModelCaller(profile, dialect, ModelClientFactory.Create(profile), PngResizer.Resize) { MaxRepairs = 0 };
        using var image = Image.FromBgra(new byte[Size.Width * Size.Height * 4], Size.Width, Size.Height);
        var screenshot = new Screenshot { Png = image.EncodePng(), Size = Size };

        return await new WordsPlanner(caller).DecideAsync(new PlannerContext { Goal = goal, Screenshot = screenshot }, ct);
    }
}
