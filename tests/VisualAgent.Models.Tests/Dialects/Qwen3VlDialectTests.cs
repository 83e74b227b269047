using VisualAgent.Actions;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects;
using static VisualAgent.Tests.Dialects.DialectTestKit;

namespace VisualAgent.Tests.Dialects;

public sealed class Qwen3VlDialectTests
{
    private const string Id = "qwen3-vl";

    [Fact]
    public void Parse_ThoughtActionAndToolCall_KeepsThoughtAndAction()
    {
        var reply = Dialect(Id).Parse(
            "Thought: The login button is at the top right.\nAction: Click the login button.\n<tool_call>\n{\"name\": \"computer_use\", \"arguments\": {\"action\": \"double_click\", \"coordinate\": [900, 100]}}\n</tool_call>",
            Context(Id, 1000, 1000));

        var click = Is<ClickAction>(reply.Action!);
        Assert.Equal(2, click.Count);
        Near(900, 100, click.Target);
        Assert.Contains("login button is at the top right", click.Thought, StringComparison.Ordinal);
        Assert.Contains("Click the login button.", reply.Thought, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StructuredToolCallWithStringArguments_Parses()
    {
        var action = Parse(Id, """{"name": "computer_use", "arguments": "{\"action\": \"right_click\", \"coordinate\": [250, 750]}"}""", 1000, 1000);

        var click = Is<ClickAction>(action);
        Assert.Equal(MouseButton.Right, click.Button);
        Near(250, 750, click.Target);
    }

    [Fact]
    public void Parse_SeveralToolCalls_FirstAtTopRestInThen()
    {
        var action = Parse(
            Id,
            """
            <tool_call>{"name": "computer_use", "arguments": {"action": "left_click", "coordinate": [100, 100]}}</tool_call>
            <tool_call>{"name": "computer_use", "arguments": {"action": "type", "text": "hello\n"}}</tool_call>
            <tool_call>{"name": "computer_use", "arguments": {"action": "key", "keys": ["Control", "Return"]}}</tool_call>
            """,
            1000,
            1000);

        Is<ClickAction>(action);
        Assert.Equal(2, action.Then!.Count);
        var type = Is<TypeAction>(action.Then[0]);
        Assert.Equal("hello", type.Text);
        Assert.True(type.Submit);
        Assert.Equal(["ctrl", "enter"], Is<KeyAction>(action.Then[1]).Keys);
    }

    [Fact]
    public void Parse_ScrollPositivePixels_ScrollsUpAsNegativeDy()
    {
        var action = Parse(Id, """<tool_call>{"name": "computer_use", "arguments": {"action": "scroll", "pixels": 300}}</tool_call>""", 1920, 1080);

        var scroll = Is<ScrollAction>(action);
        Assert.Equal(-300, scroll.Dy);
        Assert.Null(scroll.Target);
    }

    [Fact]
    public void Parse_FunctionNameIsTheAction_Parses()
    {
        var action = Parse(Id, """<tool_call>{"name": "left_click", "arguments": {"coordinate": [500, 500]}}</tool_call>""", 1920, 1080);

        Near(960, 540, Is<ClickAction>(action).Target);
    }

    [Theory]
    [InlineData("""{"action": "terminate", "status": "failure"}""", DoneStatus.Failure)]
    [InlineData("""{"action": "terminate", "status": "success"}""", DoneStatus.Success)]
    public void Parse_Terminate_IsDone(string args, DoneStatus status)
    {
        var action = Parse(Id, $$"""<tool_call>{"name": "computer_use", "arguments": {{args}}}</tool_call>""", 1920, 1080);

        Assert.Equal(status, Is<DoneAction>(action).Status);
    }

    [Fact]
    public void Parse_AnswerAndWait_MapToContract()
    {
        var action = Parse(Id, """
            <tool_call>{"name": "computer_use", "arguments": {"action": "answer", "text": "42"}}</tool_call>
            <tool_call>{"name": "computer_use", "arguments": {"action": "wait", "time": 2}}</tool_call>
            """, 1920, 1080);

        Assert.Equal("42", Is<AnswerAction>(action).Text);
        Assert.Equal(2, Is<WaitAction>(action.Then![0]).Seconds);
    }

    [Fact]
    public void Parse_MobileUseActions_MapToContract()
    {
        var action = Parse(Id, """
            <tool_call>{"name": "mobile_use", "arguments": {"action": "long_press", "coordinate": [500, 500], "time": 2}}</tool_call>
            <tool_call>{"name": "mobile_use", "arguments": {"action": "swipe", "coordinate": [500, 800], "coordinate2": [500, 200]}}</tool_call>
            <tool_call>{"name": "mobile_use", "arguments": {"action": "system_button", "button": "Back"}}</tool_call>
            """, 1080, 2400);

        var press = Is<LongPressAction>(action);
        Assert.Equal(2, press.Seconds);
        Near(540, 1200, press.Target);
        var swipe = Is<DragAction>(action.Then![0]);
        Near(540, 1920, swipe.Target);
        Near(540, 480, new ScreenPoint(swipe.X2, swipe.Y2));
        Assert.Equal(["back"], Is<KeyAction>(action.Then[1]).Keys);
    }

    [Fact]
    public void Parse_MouseMoveThenLeftClickDrag_MergesIntoOneDrag()
    {
        var action = Parse(Id, """
            <tool_call>{"name": "computer_use", "arguments": {"action": "mouse_move", "coordinate": [100, 100]}}</tool_call>
            <tool_call>{"name": "computer_use", "arguments": {"action": "left_click_drag", "coordinate": [200, 300]}}</tool_call>
            """, 1000, 1000);

        var drag = Is<DragAction>(action);
        Assert.Null(action.Then);
        Near(100, 100, drag.Target);
        Near(200, 300, new ScreenPoint(drag.X2, drag.Y2));
    }

    [Fact]
    public void Parse_LeftClickDragWithoutStart_UsesKnownPointerOrFails()
    {
        const string Reply = """<tool_call>{"name": "computer_use", "arguments": {"action": "left_click_drag", "coordinate": [200, 300]}}</tool_call>""";
        var context = Context(Id, 1000, 1000);

        Assert.Throws<ModelReplyParseException>(() => Dialect(Id).Parse(Reply, context));
        var drag = Is<DragAction>(Dialect(Id).Parse(Reply, context with { Pointer = new ScreenPoint(10, 20) }).Action!);
        Near(10, 20, drag.Target);
    }

    [Fact]
    public void Parse_TextSpottingWithPythonQuotes_GivesSpots()
    {
        var reply = Dialect(Id).Parse(
            "```json\n[{'bbox_2d': [100, 100, 200, 150], 'text_content': 'It\\'s here'}, {'bbox_2d': [300, 300, 400, 350], 'text_content': 'Login'}]\n```",
            Context(Id, 1000, 1000));

        Assert.Equal(2, reply.Spots!.Count);
        Assert.Equal("It's here", reply.Spots[0].Text);
        Assert.Equal(new ScreenBox(300, 300, 400, 350), reply.Spots[1].Box);
    }

    [Fact]
    public void Parse_TruncatedBoxList_KeepsCompleteObjects()
    {
        var reply = Dialect(Id).Parse(
            "```json\n[{\"bbox_2d\": [100, 100, 200, 200], \"label\": \"a\"}, {\"bbox_2d\": [300, 300, 400, 400], \"label\": \"b\"}, {\"bbox_2d\": [500, 5",
            Context(Id, 1000, 1000));

        var first = Is<ClickAction>(reply.Action!);
        Near(150, 150, first.Target);
        Assert.Single(first.Then!);
        Assert.Equal([100.0, 100, 200, 200], first.Box!);
    }

    [Fact]
    public void Parse_ThinkBlockAndFullWidthPunctuation_AreTolerated()
    {
        var reply = Dialect(Id).Parse(
            "<think>The search box is near the top.</think>\n```json\n［{\"point_2d\"：［250，250］}］\n```",
            Context(Id, 1000, 1000));

        Near(250, 250, reply.Action!.Target);
        Assert.Equal("The search box is near the top.", reply.Thought);
    }

    [Fact]
    public void Parse_Divisor999_UsesTheMobileCookbookGrid()
    {
        var context = Context(Id, 999, 999, divisor: 999);

        var action = Dialect(Id).Parse("""{"action": "click", "coordinate": [999, 0]}""", context).Action!;

        Near(998, 0, action.Target);
        Assert.True(action.Clamped); // 999/999*999 = 999 is one past the last pixel
    }

    [Fact]
    public void Parse_CoordinatesJustOutsideTheImage_AreClampedAndFlagged()
    {
        var action = Parse(Id, """{"action": "click", "coordinate": [-20, 1030]}""", 1920, 1080);

        Near(0, 1079, action.Target);
        Assert.True(action.Clamped);
    }

    [Theory]
    [InlineData("[-50, 1e9]")]
    [InlineData("[99999, -5000]")]
    [InlineData("[500, 1100]")]
    [InlineData("[1e308, 5]")]
    public void Parse_CoordinatesFarOutsideTheImage_RejectedNotClampedIntoACorner(string coordinate)
    {
        var raw = $$"""{"action": "click", "coordinate": {{coordinate}}}""";

        var e = Assert.Throws<ModelReplyParseException>(() => Dialect(Id).Parse(raw, Context(Id, 1920, 1080)));

        Assert.Contains("far outside the 1920x1080 image", e.Message, StringComparison.Ordinal);
        Assert.Equal(raw, e.Raw);
    }

    [Theory]
    [InlineData("<tool_call>{\"name\": \"computer_use\", \"arguments\": {\"action\": \"left_click\", \"coordinate\": [NaN, 5]}}</tool_call>")]
    [InlineData("<tool_call>{\"name\": \"computer_use\", \"arguments\": {\"action\": \"left_click\"}}</tool_call>")]
    [InlineData("<tool_call>{\"name\": \"computer_use\", \"arguments\": {\"action\": \"fly\"}}</tool_call>")]
    [InlineData("<tool_call>{\"name\": \"computer_use\", \"arguments\": {\"action\": \"left_click\", \"coordinate\": [50")]
    [InlineData("   ")]
    public void Parse_Unparseable_ThrowsWithRawKept(string raw)
    {
        var e = Assert.Throws<ModelReplyParseException>(() => Dialect(Id).Parse(raw, Context(Id, 1920, 1080)));

        Assert.Equal(raw, e.Raw);
        Assert.Contains("Expected", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PlainProse_IsText()
    {
        var reply = Dialect(Id).Parse("The page shows a login form with two fields.", Context(Id, 1920, 1080));

        Assert.Null(reply.Action);
        Assert.Equal("The page shows a login form with two fields.", reply.Text);
    }
}
