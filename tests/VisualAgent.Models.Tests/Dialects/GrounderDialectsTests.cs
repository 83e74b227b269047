using VisualAgent.Actions;
using VisualAgent.Errors;
using VisualAgent.Models.Dialects;
using static VisualAgent.Tests.Dialects.DialectTestKit;

namespace VisualAgent.Tests.Dialects;

/// <summary>
/// Qwen3-VL fine-tunes used as grounders, read as their model cards and reference code document them: Holo2's
/// {"x", "y"} on 0..1000 and MAI-UI's &lt;answer&gt;{"coordinate": [x, y]}&lt;/answer&gt; on 0..999.
/// </summary>
public sealed class GrounderDialectsTests
{
    [Fact]
    public void Parse_Holo2Point_IsRelativeToTheImageOnA1000Grid()
    {
        // The guide's own mapping: abs_x = x / 1000 * width, whatever size the server resized the image to.
        var action = Parse("holo2", """{"x": 870, "y": 62}""", 1280, 720);

        Near(1113.6, 44.64, Is<ClickAction>(action).Target, tolerance: 0.01);
    }

    [Fact]
    public void Parse_Holo2AfterAThinkBlockAndInAFence_ReadsThePoint()
    {
        var action = Parse("holo2", "<think>The button is centred.</think>\n```json\n{\"x\": 500, \"y\": 500}\n```", 1920, 1080);

        Near(960, 540, Is<ClickAction>(action).Target, tolerance: 0.01);
    }

    [Fact]
    public void Parse_MaiUiAnswer_IsOnA999GridWithItsReasoningKept()
    {
        var reply = "<grounding_think>The Export button sits left of centre.</grounding_think>\n<answer>\n{\"coordinate\": [333, 666]}\n</answer>";

        var parsed = Dialect("mai-ui").Parse(reply, Context("mai-ui", 1920, 1080));

        Near(640, 720, Is<ClickAction>(parsed.Action!).Target, tolerance: 0.01);
        Assert.Equal("The Export button sits left of centre.", parsed.Thought);
    }

    [Fact]
    public void Parse_MaiUiBox_ClicksItsCentreAsTheReferenceCodeDoes()
    {
        var action = Parse("mai-ui", "<answer>{\"coordinate\": [100, 100, 300, 300]}</answer>", 999, 999);

        Near(200, 200, Is<ClickAction>(action).Target, tolerance: 0.01);
    }

    [Fact]
    public void Parse_MaiUiIgnoresTheProfileDivisor_ItsGridIsFixed()
    {
        var at1000 = Dialect("mai-ui").Parse("<answer>{\"coordinate\": [999, 999]}</answer>", Context("mai-ui", 1000, 1000, divisor: 1000)).Action!;

        Near(999, 999, Is<ClickAction>(at1000).Target, tolerance: 0.01);
    }

    [Theory]
    [InlineData("holo2", "{\"x\": 5000, \"y\": 10}")]
    [InlineData("mai-ui", "<answer>{\"coordinate\": [10, 4000]}</answer>")]
    public void Parse_PointFarOffTheImage_IsAParseErrorNotAClickInACorner(string id, string reply)
    {
        var error = Assert.Throws<ModelReplyParseException>(() => Dialect(id).Parse(reply, Context(id, 1920, 1080)));

        Assert.Contains("far outside", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("holo2", "{\"x\": 12}")]
    [InlineData("mai-ui", "<answer>{\"coordinate\": [12]}</answer>")]
    public void Parse_AttemptWithoutAUsablePoint_FailsNamingTheExpectedShape(string id, string reply)
    {
        var error = Assert.Throws<ModelReplyParseException>(() => Dialect(id).Parse(reply, Context(id, 1920, 1080)));

        Assert.Contains(id == "holo2" ? "0..1000" : "0..999", error.Message, StringComparison.Ordinal);
        Assert.Equal(reply, error.Raw);
    }

    [Fact]
    public void Parse_Refusal_IsProseWithNoAction()
    {
        var parsed = Dialect("mai-ui").Parse("I cannot find that element on the screen.", Context("mai-ui", 1920, 1080));

        Assert.Null(parsed.Action);
        Assert.Equal("I cannot find that element on the screen.", parsed.Text);
    }

    [Fact]
    public void BuildPrompt_Holo2_IsTheDocumentedLocalizerPromptWithNoSystemTurn()
    {
        var prompt = Dialect("holo2").BuildPrompt(new ModelTask(ModelTaskKind.Ground, "the 'Sign in' button"), Context("holo2", 1920, 1080));

        Assert.Equal("", prompt.System);
        Assert.StartsWith("Localize an element on the GUI image according to the provided target and output a click position.", prompt.User, StringComparison.Ordinal);
        Assert.Contains("'title': 'ClickCoordinates'", prompt.User, StringComparison.Ordinal);
        Assert.EndsWith("Your target is:\nthe 'Sign in' button", prompt.User, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildPrompt_MaiUi_SystemIsTheGroundingPromptAndTheUserTurnTheInstruction()
    {
        var prompt = Dialect("mai-ui").BuildPrompt(new ModelTask(ModelTaskKind.Ground, "the Export CSV button"), Context("mai-ui", 1920, 1080));

        Assert.StartsWith("You are a GUI grounding agent.", prompt.System, StringComparison.Ordinal);
        Assert.Contains("<answer>\n{\"coordinate\": [x,y]}\n</answer>", prompt.System, StringComparison.Ordinal);
        Assert.Equal("the Export CSV button", prompt.User);
    }

    [Theory]
    [InlineData("holo2")]
    [InlineData("mai-ui")]
    public void BuildPrompt_NextAction_IsNotSupported_TheyOnlyGround(string id)
    {
        Assert.Throws<AbilityNotSupportedException>(() => Dialect(id).BuildPrompt(new ModelTask(ModelTaskKind.NextAction, "log in"), Context(id, 1920, 1080)));
    }

    [Theory]
    [InlineData("holo-2", "holo2")]
    [InlineData("MAIUI", "mai-ui")]
    public void Registry_Aliases_FindTheDialects(string alias, string id) =>
        Assert.Equal(id, DialectRegistry.Get(alias).Id);
}

/// <summary>The serving self-check fits these grounders against their fixed grids, whatever Divisor a profile sets.</summary>
public sealed class GrounderServingSpaceTests
{
    [Theory]
    [InlineData("holo2", 1000)]
    [InlineData("mai-ui", 999)]
    public void ServingSpace_GrounderDialect_IsItsFixedGrid(string id, double grid)
    {
        var space = VisualAgent.Models.Serving.ServingSpace.Of(id, divisor: 1000 + 999 - grid, padToSquare: false);

        Assert.Equal(VisualAgent.Models.Serving.ServingSpaceKind.Grid, space.Kind);
        Assert.Equal(grid, space.Divisor);
    }
}
