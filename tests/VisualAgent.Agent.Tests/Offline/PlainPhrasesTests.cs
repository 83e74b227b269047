using VisualAgent.Agent.Offline;
using VisualAgent.Planning;

namespace VisualAgent.Tests.Offline;

public sealed class PlainPhrasesTests
{
    private static IReadOnlyList<StepIntent> Steps(string instruction)
    {
        Assert.True(StepParser.TryParse(instruction, out var steps, out var error), error);
        return steps;
    }

    [Fact]
    public void Parse_LeadingScopeAndList_ChecksEachNameInsideTheScope()
    {
        var steps = Steps("In the Sandwich Condiments list, check Lettuce and Mustard.");

        Assert.Equal(
            [(StepVerb.Check, "\"Lettuce\" in the \"Sandwich Condiments\" list"), (StepVerb.Check, "\"Mustard\" in the \"Sandwich Condiments\" list")],
            steps.Select(s => (s.Verb, s.Target)));
    }

    [Fact]
    public void Parse_CommaList_OneStepPerName()
    {
        Assert.Equal(["A", "B", "C"], Steps("uncheck A, B and C").Select(s => s.Target));
    }

    [Theory]
    [InlineData("Turn notifications on.", StepVerb.Check, "notifications")]
    [InlineData("turn off Wi-Fi", StepVerb.Uncheck, "Wi-Fi")]
    [InlineData("Open the Peter Müller tab.", StepVerb.Click, "the Peter Müller tab")]
    [InlineData("Open the Billing Address section", StepVerb.Click, "Billing Address")]
    [InlineData("Mute the sound with the Mute button.", StepVerb.Click, "the Mute button")]
    [InlineData("Select all of them with the \"All condiments\" checkbox.", StepVerb.Check, "the \"All condiments\" checkbox")]
    public void Parse_PlainForms_ReadExactly(string instruction, StepVerb verb, string target)
    {
        var step = Assert.Single(Steps(instruction));

        Assert.Equal((verb, target), (step.Verb, step.Target));
    }

    [Fact]
    public void Parse_SetFieldTo_TypesIntoIt()
    {
        var step = Assert.Single(Steps("Set the State field to Oregon."));

        Assert.Equal((StepVerb.Type, "the State field", "Oregon"), (step.Verb, step.Target, step.Value));
    }

    [Theory]
    [InlineData("Make sure no sandwich condiment is selected.")]
    [InlineData("In the Sandwich Condiments list, make Sprouts the only one checked.")]
    public void Parse_StatesToReachAndHalfReadClauses_AreRefused(string instruction)
    {
        Assert.False(StepParser.TryParse(instruction, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Parse_MakeSureQuotedText_StillVerifies()
    {
        var step = Assert.Single(Steps("make sure \"Saved\" is visible"));

        Assert.Equal((StepVerb.Verify, "Saved"), (step.Verb, step.Value));
    }
}
