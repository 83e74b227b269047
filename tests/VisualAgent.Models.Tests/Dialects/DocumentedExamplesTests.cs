using VisualAgent.Actions;
using static VisualAgent.Tests.Dialects.DialectTestKit;

namespace VisualAgent.Tests.Dialects;

/// <summary>Real replies documented for each model family (model cards and cookbooks), each mapped within 1 px.</summary>
public sealed class DocumentedExamplesTests
{
    [Fact]
    public void Parse_Qwen3VlToolCallAtGridCentre_ClicksScreenCentre()
    {
        var action = Parse("qwen3-vl", """<tool_call>{"name": "computer_use", "arguments": {"action": "left_click", "coordinate": [500, 500]}}</tool_call>""", 1920, 1080);

        Near(960, 540, Is<ClickAction>(action).Target);
    }

    [Fact]
    public void Parse_Qwen3VlMobileClick_MapsToPhonePixels()
    {
        var action = Parse("qwen3-vl", """{"action": "click", "coordinate": [447, 81]}""", 1440, 3120);

        Near(644, 253, Is<ClickAction>(action).Target);
    }

    [Fact]
    public void Parse_Qwen3VlPoint2dInFence_MapsToPixels()
    {
        var action = Parse("qwen3-vl", "```json\n[{\"point_2d\": [925, 618], \"label\": \"point_1\"}]\n```", 480, 640);

        Near(444.0, 395.5, Is<ClickAction>(action).Target, tolerance: 0.05);
    }

    [Fact]
    public void Parse_Qwen25VlClickOnPhone_UsesResizedImagePixels()
    {
        var action = Parse("qwen2.5-vl", """{"action":"click","coordinate":[935, 406]}""", 1080, 2400);

        Near(924.7, 404.7, Is<ClickAction>(action).Target, tolerance: 0.1);
    }

    [Fact]
    public void Parse_Qwen25VlBarePoint_MapsResizedToOriginal()
    {
        var action = Parse("qwen2.5-vl", "[966, 546]", 1920, 1080);

        Near(960, 540, Is<ClickAction>(action).Target, tolerance: 0.01);
    }

    [Fact]
    public void Parse_UiTarsStartBox_UsesResizedImagePixels()
    {
        var action = Parse("ui-tars", "Action: click(start_box='(100,200)')", 1920, 1080);

        Near(99.379, 197.802, Is<ClickAction>(action).Target, tolerance: 0.001);
    }

    [Fact]
    public void Parse_UiTarsDragWithPoints_MapsBothEnds()
    {
        var action = Parse("ui-tars", "drag(start_point='<point>100 200</point>', end_point='<point>300 400</point>')", 1920, 1080);

        var drag = Is<DragAction>(action);
        Near(99.379, 197.802, drag.Target, tolerance: 0.001);
        Near(298.137, 395.604, new(drag.X2, drag.Y2), tolerance: 0.001);
    }

    [Fact]
    public void Parse_UiTarsScrollDown_ScrollsDownAtPoint()
    {
        var action = Parse("ui-tars", "scroll(point='<point>500 500</point>', direction='down')", 1920, 1080);

        var scroll = Is<ScrollAction>(action);
        Near(496.894, 494.505, scroll.Target, tolerance: 0.001);
        Assert.True(scroll.Dy > 0);
        Assert.Equal(0, scroll.Dx);
    }
}
