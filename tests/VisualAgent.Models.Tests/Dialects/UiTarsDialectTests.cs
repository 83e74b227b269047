using VisualAgent.Actions;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using static VisualAgent.Tests.Dialects.DialectTestKit;

namespace VisualAgent.Tests.Dialects;

/// <summary>UI-TARS-1.5 grammar variants; the image is 1932x1092 so sent pixels equal screenshot pixels.</summary>
public sealed class UiTarsDialectTests
{
    private const string Id = "ui-tars";
    private const int W = 1932;
    private const int H = 1092;

    [Theory]
    [InlineData("Action: click(start_box='(100,200)')")]
    [InlineData("Action: click(point='<point>100 200</point>')")]
    [InlineData("Action: click(start_box='<|box_start|>(100,200)<|box_end|>')")]
    [InlineData("Action：click（start_box='（100，200）'）")]
    [InlineData("Action: click(start_box='(90,190,110,210)')")]
    [InlineData("Action: click(start_box=(100,200))")]
    public void Parse_ClickVariants_AllLandAt100x200(string reply)
    {
        Near(100, 200, Is<ClickAction>(Parse(Id, reply, W, H)).Target);
    }

    [Fact]
    public void Parse_BoxStartBox_UsesCentreAndKeepsBox()
    {
        var click = Is<ClickAction>(Parse(Id, "Action: click(start_box='(90,190,110,210)')", W, H));

        Assert.Equal([90.0, 190, 110, 210], click.Box!);
    }

    [Fact]
    public void Parse_ThoughtAndThinkBlock_BecomeThought()
    {
        var action = Parse(Id, "<think>plan</think>Thought: I will open the menu.\nAction: left_double(start_box='(10,10)')", W, H);

        Assert.Equal(2, Is<ClickAction>(action).Count);
        Assert.Equal("plan\nI will open the menu.", action.Thought);
    }

    [Fact]
    public void Parse_RightSingleHotkeyTypeWaitFinished_MapToContract()
    {
        var action = Parse(Id, "Action: right_single(start_box='(5,5)')\n\nhotkey(key='Ctrl C')\n\ntype(content='hello\\n')\n\nwait()\n\nfinished(content='all done')", W, H);

        Assert.Equal(MouseButton.Right, Is<ClickAction>(action).Button);
        var rest = action.Then!;
        Assert.Equal(["ctrl", "c"], Is<KeyAction>(rest[0]).Keys);
        Assert.Equal(new TypeAction("hello", Submit: true), Is<TypeAction>(rest[1]));
        Assert.Equal(5, Is<WaitAction>(rest[2]).Seconds);
        Assert.Equal(new DoneAction(DoneStatus.Success, "all done"), Is<DoneAction>(rest[3]));
    }

    [Fact]
    public void Parse_TypeWithoutNewline_DoesNotSubmit()
    {
        var type = Is<TypeAction>(Parse(Id, "Action: type(content='it\\'s fine')", W, H));

        Assert.Equal("it's fine", type.Text);
        Assert.False(type.Submit);
    }

    [Fact]
    public void Parse_DragWithBoxes_MapsBothEnds()
    {
        var drag = Is<DragAction>(Parse(Id, "Action: drag(start_box='(10,20)', end_box='(30,40)')", W, H));

        Near(10, 20, drag.Target);
        Near(30, 40, new ScreenPoint(drag.X2, drag.Y2));
    }

    [Theory]
    [InlineData("up", 0, -500)]
    [InlineData("left", -500, 0)]
    [InlineData("right", 500, 0)]
    public void Parse_ScrollDirections_UseFixedAmount(string direction, double dx, double dy)
    {
        var scroll = Is<ScrollAction>(Parse(Id, $"Action: scroll(start_box='(100,100)', direction='{direction}')", W, H));

        Assert.Equal(dx, scroll.Dx);
        Assert.Equal(dy, scroll.Dy);
    }

    [Fact]
    public void Parse_BarePointGroundingReply_IsClick()
    {
        Near(300, 400, Parse(Id, "(300,400)", W, H).Target);
    }

    [Fact]
    public void Parse_TruncatedCall_Throws()
    {
        Assert.Throws<ModelReplyParseException>(() => Parse(Id, "Thought: x\nAction: click(start_box='(100,", W, H));
    }
}
