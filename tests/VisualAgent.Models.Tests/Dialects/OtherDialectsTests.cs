using VisualAgent.Actions;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects;
using static VisualAgent.Tests.Dialects.DialectTestKit;

namespace VisualAgent.Tests.Dialects;

/// <summary>Qwen2-VL / UI-TARS v1, generic JSON, LLaVA, MiniGPT-v2 and BLIP-2.</summary>
public sealed class OtherDialectsTests
{
    [Fact]
    public void Parse_Qwen2VlBoxTokens_MapsGridBoxToPixels()
    {
        var click = Is<ClickAction>(Parse("qwen2-vl", "<|object_ref_start|>the button<|object_ref_end|><|box_start|>(100,200),(300,400)<|box_end|>", 1920, 1080));

        Near(384, 324, click.Target);
        Assert.Equal([192.0, 216, 576, 432], click.Box!);
    }

    [Fact]
    public void Parse_UiTarsV1GridAction_MapsGridToPixels()
    {
        Near(960, 540, Parse("qwen2-vl", "Thought: centre.\nAction: click(start_box='<|box_start|>(500,500)<|box_end|>')", 1920, 1080).Target);
    }

    [Theory]
    [InlineData("""{"action": "click", "x": 683, "y": 384}""")]
    [InlineData("""```json\n{"action": "click", "coordinate": [683, 384]}\n```""")]
    [InlineData("""{"action": "click", "x": 683.0, "y": 384.0, "button": "left", "count": 1}""")]
    [InlineData("""{"x": 683, "y": 384}""")]
    [InlineData("[683, 384]")]
    public void Parse_GenericJsonShapes_UseSentPixels(string reply)
    {
        // 1920x1080 is sent as 1365x768 (OpenAI's high-detail limits).
        Near(960.7, 540, Parse("generic-json", reply.Replace("\\n", "\n", StringComparison.Ordinal), 1920, 1080).Target);
    }

    [Fact]
    public void Parse_GenericJsonContractShapeWithThen_KeepsEveryAction()
    {
        var action = Parse("generic-json", """{"action": "type", "text": "bob", "submit": true, "thought": "fill in", "then": [{"action": "key", "keys": ["Tab"]}, {"action": "scroll", "dx": 0, "dy": 300}]}""", 1920, 1080);

        Assert.Equal(new TypeAction("bob", true) { Thought = "fill in", Then = action.Then }, action);
        Assert.Equal(["tab"], Is<KeyAction>(action.Then![0]).Keys);
        Assert.Equal(300, Is<ScrollAction>(action.Then[1]).Dy);
    }

    [Fact]
    public void Parse_LlavaPaddedSquare_UndoesExpand2Square()
    {
        // 1920x1080 is sent as 896x504 and padded to 896x896 with 196 px bands above and below.
        var click = Is<ClickAction>(Parse("llava", "The box is [0.25, 0.25, 0.75, 0.75].", 1920, 1080));

        Near(960, 540, click.Target);
        Assert.Equal(480, click.Box![0], 0.5);
        Assert.Equal(60, click.Box[1], 0.5);
        Assert.Equal(1020, click.Box[3], 0.5);
    }

    [Fact]
    public void Parse_LlavaOriginalSetting_UsesTheImageItself()
    {
        var context = Context("llava", 1920, 1080) with { PadToSquare = false };

        var click = Is<ClickAction>(Dialect("llava").Parse("[0.25, 0.25, 0.75, 0.75]", context).Action!);

        Assert.Equal([480.0, 270, 1440, 810], click.Box!.Select(v => Math.Round(v, 3)));
    }

    [Fact]
    public void Parse_MiniGptV2Box_MapsHundredGrid()
    {
        var reply = Dialect("minigpt-v2").Parse("<p>search box</p> {<10><20><30><40>}", Context("minigpt-v2", 1920, 1080));

        var click = Is<ClickAction>(reply.Action!);
        Assert.Equal([192.0, 216, 576, 432], click.Box!.Select(v => Math.Round(v, 3)));
        Assert.Equal("search box", reply.Text);
    }

    [Fact]
    public void Parse_Blip2_ReturnsTextAndRefusesCoordinates()
    {
        var blip = Dialect("blip2");

        Assert.Equal("a login page", blip.Parse("Answer: a login page", Context("blip2", 640, 480)).Text);
        Assert.Equal(DialectAbilities.Describe | DialectAbilities.Answer, blip.Abilities);
        var e = Assert.Throws<AbilityNotSupportedException>(() => blip.BuildPrompt(new ModelTask(ModelTaskKind.Ground, "the OK button"), Context("blip2", 640, 480)));
        Assert.Contains("does not support grounding", e.Message, StringComparison.Ordinal);
        Assert.Throws<AbilityNotSupportedException>(() => blip.FormatReply(new ParsedReply { Action = new ClickAction(1, 1) }, Context("blip2", 640, 480)));
    }

    [Fact]
    public void Get_UnknownDialect_ThrowsUsageListingValidIds()
    {
        var e = Assert.Throws<UsageException>(() => DialectRegistry.Get("gpt-5-vision"));

        foreach (var id in DialectRegistry.Ids)
        {
            Assert.Contains(id, e.Message, StringComparison.Ordinal);
        }

        Assert.Equal(DialectRegistry.Ids, DialectRegistry.All.Select(d => d.Id));
    }

    [Fact]
    public void ParseToJson_GoodAndBadReplies_PrintContractLines()
    {
        var ok = DialectParsing.ParseToJson("qwen3-vl", """{"action": "click", "coordinate": [500, 500]}""", new PixelSize(1920, 1080), null, null, null, 1000);
        var bad = DialectParsing.ParseToJson("qwen3-vl", "<tool_call>{oops", new PixelSize(1920, 1080), null, null, null, 1000);
        var text = DialectParsing.ParseToJson("blip2", "a cat", new PixelSize(640, 480), null, null, null, 1000);
        var sized = DialectParsing.ParseToJson("qwen2.5-vl", "[966, 546]", new PixelSize(1920, 1080), new PixelSize(1932, 1092), null, null, 1000);

        Assert.Equal("""{"action":"click","x":960.0,"y":540.0,"button":"left","count":1}""", ok);
        Assert.StartsWith("""{"error":"The qwen3-vl reply does not parse""", bad, StringComparison.Ordinal);
        Assert.EndsWith(""","raw":"<tool_call>{oops"}""", bad, StringComparison.Ordinal);
        Assert.Equal("""{"action":"answer","text":"a cat"}""", text);
        Assert.Contains("\"x\":960.0", sized, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseToJson_MaxPixelsFlag_ChangesTheSizeAssumed()
    {
        // Qwen2.5-VL capped at 1280 tokens of 28x28: 1920x1080 is sent smaller, so the same pixel lands further right.
        var capped = DialectParsing.ParseToJson("qwen2.5-vl", "[500, 300]", new PixelSize(1920, 1080), null, null, 1280L * 28 * 28, 1000);
        var full = DialectParsing.ParseToJson("qwen2.5-vl", "[500, 300]", new PixelSize(1920, 1080), null, null, null, 1000);

        Assert.NotEqual(capped, full);
    }
}
