using VisualAgent.Agent.Offline;
using VisualAgent.Errors;
using VisualAgent.Planning;

namespace VisualAgent.Tests.Offline;

public sealed class StepParserTests
{
    [Fact]
    public void Parse_IssueExample_GivesSevenStepsInOrder()
    {
        var steps = StepParser.Parse(
            "open http://localhost:5000/orders/; click Orders; select Pending in Status; type alice into Username; press Enter; click Export CSV; wait for the download");

        Assert.Equal(
            [StepVerb.Open, StepVerb.Click, StepVerb.Select, StepVerb.Type, StepVerb.Press, StepVerb.Click, StepVerb.WaitForDownload],
            steps.Select(s => s.Verb));
        Assert.Equal("http://localhost:5000/orders/", steps[0].Value);
        Assert.Equal("Orders", steps[1].Target);
        Assert.Equal(("Pending", "Status"), (steps[2].Value, steps[2].Target));
        Assert.Equal(("alice", "Username"), (steps[3].Value, steps[3].Target));
        Assert.Equal(["enter"], steps[4].Keys);
        Assert.Equal("Export CSV", steps[5].Target);
        Assert.Equal("click Orders", steps[1].Source);
    }

    [Fact]
    public void Parse_EnterQuotedIntoFieldAndPressSubmit_TypesThenClicksSubmit()
    {
        var steps = StepParser.Parse("Enter \"bob\" into the text field and press Submit");

        Assert.Equal(2, steps.Count);
        Assert.Equal((StepVerb.Type, "bob", "the text field"), (steps[0].Verb, steps[0].Value, steps[0].Target));
        Assert.Equal((StepVerb.Click, "Submit"), (steps[1].Verb, steps[1].Target));
    }

    [Fact]
    public void Parse_SelectWithoutTargetAndClick_LeavesTargetNull()
    {
        var steps = StepParser.Parse("Select Red and click Submit");

        Assert.Equal((StepVerb.Select, "Red", (string?)null), (steps[0].Verb, steps[0].Value, steps[0].Target));
        Assert.Equal((StepVerb.Click, "Submit"), (steps[1].Verb, steps[1].Target));
    }

    [Theory]
    [InlineData("Log in with username \"x\" and password \"y\"", "x", "y")]
    [InlineData("Login with username alice and password wonderland", "alice", "wonderland")]
    [InlineData("sign in as user bob, password {{secret:PW}}", "bob", "{{secret:PW}}")]
    public void Parse_LoginPhrase_TypesUserAndPasswordThenClicksLogIn(string text, string user, string password)
    {
        var steps = StepParser.Parse(text);

        Assert.Equal(3, steps.Count);
        Assert.Equal((StepVerb.Type, user, "the Username field"), (steps[0].Verb, steps[0].Value, steps[0].Target));
        Assert.Equal((StepVerb.Type, password, "the Password field"), (steps[1].Verb, steps[1].Value, steps[1].Target));
        Assert.Equal(StepVerb.Click, steps[2].Verb);
        Assert.Equal(["Log in", "Login", "Sign in", "Log on", "Submit"], TargetAlternatives.Split(steps[2].Target!));
    }

    [Theory]
    [InlineData("press Enter", new[] { "enter" })]
    [InlineData("press Ctrl+A", new[] { "ctrl", "a" })]
    [InlineData("press ctrl + shift + T", new[] { "ctrl", "shift", "t" })]
    [InlineData("hit the Escape key", new[] { "escape" })]
    [InlineData("press Tab", new[] { "tab" })]
    [InlineData("press F5", new[] { "f5" })]
    [InlineData("press PageDown", new[] { "pagedown" })]
    public void Parse_PressKeys_GivesLowerCaseChord(string text, string[] keys)
    {
        var step = Assert.Single(StepParser.Parse(text));

        Assert.Equal(StepVerb.Press, step.Verb);
        Assert.Equal(keys, step.Keys);
    }

    [Theory]
    [InlineData("click the second Edit button", StepVerb.Click, "the second Edit button")]
    [InlineData("click \"Save\"", StepVerb.Click, "Save")]
    [InlineData("click on the Save button at the bottom", StepVerb.Click, "the Save button at the bottom")]
    [InlineData("double-click \"report.txt\"", StepVerb.DoubleClick, "report.txt")]
    [InlineData("right-click the Orders row", StepVerb.RightClick, "the Orders row")]
    [InlineData("hover over Help", StepVerb.Hover, "Help")]
    [InlineData("check the Remember me box", StepVerb.Check, "the Remember me box")]
    [InlineData("uncheck \"Subscribe\"", StepVerb.Uncheck, "Subscribe")]
    [InlineData("tap Next", StepVerb.Click, "Next")]
    public void Parse_PointerVerbs_KeepTheDescribedTarget(string text, StepVerb verb, string target)
    {
        var step = Assert.Single(StepParser.Parse(text));

        Assert.Equal((verb, target), (step.Verb, step.Target));
    }

    [Theory]
    [InlineData("type alice into Username", "alice", "Username")]
    [InlineData("type \"New York\" in the City field", "New York", "the City field")]
    [InlineData("enter {{secret:PASSWORD}} into the Password field", "{{secret:PASSWORD}}", "the Password field")]
    [InlineData("type \"a; b and click c\" into Notes", "a; b and click c", "Notes")]
    [InlineData("fill the Email field with bob@example.com", "bob@example.com", "the Email field")]
    public void Parse_TypeInto_SplitsTextAndTarget(string text, string value, string target)
    {
        var step = Assert.Single(StepParser.Parse(text));

        Assert.Equal((StepVerb.Type, value, target), (step.Verb, step.Value, step.Target));
    }

    [Fact]
    public void Parse_TypeAlone_TypesIntoFocusedElement()
    {
        var step = Assert.Single(StepParser.Parse("type \"hello world\""));

        Assert.Equal((StepVerb.Type, "hello world", (string?)null), (step.Verb, step.Value, step.Target));
    }

    [Theory]
    [InlineData("wait for the download", StepVerb.WaitForDownload, null, null)]
    [InlineData("wait 3 seconds", StepVerb.Wait, null, 3.0)]
    [InlineData("wait 500 ms", StepVerb.Wait, null, 0.5)]
    [InlineData("wait for Welcome", StepVerb.WaitForText, "Welcome", null)]
    [InlineData("wait for \"Profile saved\" to appear", StepVerb.WaitForText, "Profile saved", null)]
    [InlineData("verify \"Welcome, alice\" is visible", StepVerb.Verify, "Welcome, alice", null)]
    [InlineData("check that Order saved is shown", StepVerb.Verify, "Order saved", null)]
    [InlineData("go back", StepVerb.Back, null, null)]
    [InlineData("scroll down", StepVerb.Scroll, "down", null)]
    [InlineData("scroll up by 300 pixels", StepVerb.Scroll, "up", -300.0)]
    [InlineData("go to https://example.com/a?b=c", StepVerb.Open, "https://example.com/a?b=c", null)]
    [InlineData("open /orders/", StepVerb.Open, "/orders/", null)]
    public void Parse_OtherVerbs_GiveValueAndAmount(string text, StepVerb verb, string? value, double? amount)
    {
        var step = Assert.Single(StepParser.Parse(text));

        Assert.Equal((verb, value, amount), (step.Verb, step.Value, step.Amount));
    }

    [Fact]
    public void Parse_ScrollInTarget_KeepsTarget()
    {
        var step = Assert.Single(StepParser.Parse("scroll down in the orders table"));

        Assert.Equal(("down", "the orders table"), (step.Value, step.Target));
    }

    [Fact]
    public void Parse_SelectFromQuoted_GivesOptionAndTarget()
    {
        var step = Assert.Single(StepParser.Parse("choose \"In transit\" from the Status dropdown"));

        Assert.Equal((StepVerb.Select, "In transit", "the Status dropdown"), (step.Verb, step.Value, step.Target));
    }

    [Fact]
    public void Parse_Upload_GivesFileAndTarget()
    {
        var step = Assert.Single(StepParser.Parse("upload samples/files/report.pdf to the Attachment field"));

        Assert.Equal((StepVerb.Upload, "samples/files/report.pdf", "the Attachment field"), (step.Verb, step.Value, step.Target));
    }

    [Fact]
    public void Parse_NewlinesThenAndNumberedLists_SplitIntoClauses()
    {
        var steps = StepParser.Parse("1. open http://127.0.0.1:8080/login/\n2. type alice into the Username field, then click \"Log in\"\n# a comment\n- verify Welcome");

        Assert.Equal([StepVerb.Open, StepVerb.Type, StepVerb.Click, StepVerb.Verify], steps.Select(s => s.Verb));
    }

    [Fact]
    public void Parse_AndThen_Splits()
    {
        var steps = StepParser.Parse("click Orders and then click Export CSV");

        Assert.Equal(["Orders", "Export CSV"], steps.Select(s => s.Target));
    }

    [Fact]
    public void Parse_AndInsideTarget_DoesNotSplit()
    {
        var step = Assert.Single(StepParser.Parse("click Terms and Conditions"));

        Assert.Equal("Terms and Conditions", step.Target);
    }

    [Theory]
    [InlineData("make the page prettier")]
    [InlineData("open the orders page please")]
    public void Parse_UnreadableClause_ThrowsUsageNamingTheClauseAndForms(string text)
    {
        var e = Assert.Throws<UsageException>(() => StepParser.Parse(text));

        Assert.Contains(text, e.Message, StringComparison.Ordinal);
        Assert.Contains("upload FILE to TARGET", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Empty_ThrowsUsage()
    {
        Assert.Throws<UsageException>(() => StepParser.Parse("  \n ; "));
    }
}
