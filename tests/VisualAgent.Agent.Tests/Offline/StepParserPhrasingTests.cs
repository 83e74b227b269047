using VisualAgent.Agent.Offline;
using VisualAgent.Planning;

namespace VisualAgent.Tests.Offline;

/// <summary>Task phrasings beyond the bare grammar: "X as the Y", "pick the X size", repeated clicks, dialog answers.</summary>
public sealed class StepParserPhrasingTests
{
    [Fact]
    public void Parse_EnterTwoValuesAsTheFields_TypesEachIntoItsField()
    {
        var steps = StepParser.Parse("Enter Jane Doe as the full name and Great service as the comment");

        Assert.Equal(2, steps.Count);
        Assert.Equal((StepVerb.Type, "Jane Doe", "the full name field"), (steps[0].Verb, steps[0].Value, TargetAlternatives.Split(steps[0].Target!)[0]));
        Assert.Equal((StepVerb.Type, "Great service"), (steps[1].Verb, steps[1].Value));
        Assert.Equal(["the comment field", "the comments field"], TargetAlternatives.Split(steps[1].Target!));
    }

    [Fact]
    public void Parse_EnterValueWithAndAsOneField_KeepsTheWholeValue()
    {
        var step = Assert.Single(StepParser.Parse("Enter Tom and Jerry as the title"));

        Assert.Equal(("Tom and Jerry", "the title field"), (step.Value, TargetAlternatives.Split(step.Target!)[0]));
    }

    [Theory]
    [InlineData("Choose Blue as the color")]
    [InlineData("Choose Blue as the Color")]
    public void Parse_ChooseAsThe_SelectsInTheField(string text)
    {
        var step = Assert.Single(StepParser.Parse(text));

        Assert.Equal((StepVerb.Select, "Blue"), (step.Verb, step.Value));
        Assert.Equal("the color field", TargetAlternatives.Split(step.Target!)[0], ignoreCase: true);
    }

    [Theory]
    [InlineData("Pick the Large size", "Large")]
    [InlineData("choose the \"Express\" option", "Express")]
    public void Parse_PickTheXKind_ClicksX(string text, string target)
    {
        var step = Assert.Single(StepParser.Parse(text));

        Assert.Equal((StepVerb.Click, target), (step.Verb, step.Target));
    }

    [Theory]
    [InlineData("Click the Canvas OK button once", 1)]
    [InlineData("click Next twice", 2)]
    [InlineData("click \"Amount\" 3 times", 3)]
    public void Parse_ClickWithCount_RepeatsTheClickWithoutTheCountWord(string text, int count)
    {
        var steps = StepParser.Parse(text);

        Assert.Equal(count, steps.Count);
        Assert.All(steps, s => Assert.Equal(StepVerb.Click, s.Verb));
        Assert.DoesNotContain(steps, s => s.Target!.Contains("once", StringComparison.Ordinal) || s.Target.Contains("twice", StringComparison.Ordinal) || s.Target.Contains("times", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("click \"OK\" in the dialog", "OK")]
    [InlineData("click Cancel in the confirm dialog", "Cancel")]
    [InlineData("accept the dialog", "OK")]
    [InlineData("dismiss the dialog", "Cancel")]
    [InlineData("accept the confirmation with OK", "OK")]
    public void Parse_DialogButtons_ClickTheDialogTarget(string text, string button)
    {
        var step = Assert.Single(StepParser.Parse(text));

        Assert.Equal((StepVerb.Click, DialogTarget.Name, button), (step.Verb, step.Target, step.Value));
        Assert.True(DialogTarget.Answers(step));
    }

    [Fact]
    public void Parse_TypeIntoTheDialog_AnswersThePrompt()
    {
        var step = Assert.Single(StepParser.Parse("type \"Bob\" into the dialog"));

        Assert.Equal((StepVerb.Type, DialogTarget.Name, "Bob"), (step.Verb, step.Target, step.Value));
    }

    [Fact]
    public void Parse_PressAndAnswerThePrompt_ClicksThenTypesAndAccepts()
    {
        var steps = StepParser.Parse("Press Ask name and answer the prompt with the name Bob.");

        Assert.Equal(
            [(StepVerb.Click, "Ask name", null), (StepVerb.Type, DialogTarget.Name, "Bob"), (StepVerb.Click, DialogTarget.Name, "OK")],
            steps.Select(s => (s.Verb, s.Target, s.Value)));
    }

    [Theory]
    [InlineData("click Maybe in the dialog")]
    [InlineData("accept the dialog with Cancel")]
    [InlineData("verify Saved twice")]
    [InlineData("type hello in Notes as the title")]
    [InlineData("Show the alert and dismiss it")]
    [InlineData("choose the color Blue")]
    [InlineData("Enter Grace Hopper as the full name, accept the terms")]
    public void Parse_UnclearPhrasings_AreRejectedNotGuessed(string text)
    {
        Assert.False(StepParser.TryParse(text, out _, out var error));
        Assert.Contains("Cannot read the step", error, StringComparison.Ordinal);
    }
}
