using VisualAgent.Actions;
using VisualAgent.Models.Dialects;

namespace VisualAgent.Tests.Dialects;

public sealed class ReplyTextTests
{
    [Fact]
    public void Normalize_FullWidthAndZeroWidth_BecomeAscii()
    {
        Assert.Equal("Action:click(start_box='(1,2)')", ReplyText.Normalize("Action\u200B：click（start_box='（1，2）'）"));
        Assert.Equal("a\nb", ReplyText.Normalize("a\r\nb"));
    }

    [Fact]
    public void StripThink_ClosedOpenAndDanglingBlocks_AreRemoved()
    {
        Assert.Equal("answer", ReplyText.StripThink("<think>why</think>answer", out var t1));
        Assert.Equal("why", t1);
        Assert.Equal("answer", ReplyText.StripThink("why</think>answer", out var t2));
        Assert.Equal("why", t2);
        Assert.Equal("x ", ReplyText.StripThink("x <think>cut off", out var t3));
        Assert.Equal("cut off", t3);
    }

    [Fact]
    public void StripFences_JsonFenceAndUnclosedFence_GiveContents()
    {
        Assert.Equal("[1, 2]\n", ReplyText.StripFences("Here:\n```json\n[1, 2]\n```\nDone"));
        Assert.Equal("{\"a\": 1", ReplyText.StripFences("```json\n{\"a\": 1"));
        Assert.Equal("no fence", ReplyText.StripFences("no fence"));
    }

    [Fact]
    public void ToolCallBlocks_SeveralAndUnclosed_AreAllFound()
    {
        var blocks = ReplyText.ToolCallBlocks("a<tool_call>1</tool_call>b<tool_call>2", out var rest);

        Assert.Equal(["1", "2"], blocks);
        Assert.Equal("ab", rest);
    }

    [Fact]
    public void SplitThoughtAction_LabelsAtLineStart_Split()
    {
        var (thought, action) = ReplyText.SplitThoughtAction("Thought: look at the Action: menu\nAction: click(start_box='(1,2)')");

        Assert.Equal("look at the Action: menu", thought);
        Assert.Equal(" click(start_box='(1,2)')", action);
    }

    [Theory]
    [InlineData("Control+Return", new[] { "ctrl", "enter" })]
    [InlineData("ctrl c", new[] { "ctrl", "c" })]
    [InlineData("Esc", new[] { "escape" })]
    [InlineData("cmd + shift + T", new[] { "meta", "shift", "t" })]
    [InlineData("+", new[] { "+" })]
    public void SplitChord_CommonSpellings_Normalise(string chord, string[] expected)
    {
        Assert.Equal(expected, KeyNames.SplitChord(chord));
    }
}
