using VisualAgent.Actions;
using VisualAgent.Codegen.Plans;
using VisualAgent.Codegen.Writers;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Codegen.Tests.Writers;

public sealed class ScriptWriterTests
{
    public static TheoryData<string> Targets => [.. ScriptTargets.WebNames];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Write_SecretStep_ReadsTheVariableAndNeverHoldsAValue(string target)
    {
        Environment.SetEnvironmentVariable("APP_PASSWORD", "tops3cret-value");
        var script = ScriptTargets.Parse(target).Writer().Write(PlanBuilder.Build(Recorded.Demo()));

        Assert.DoesNotContain("tops3cret-value", script, StringComparison.Ordinal);
        Assert.Contains("ecret(\"APP_PASSWORD\")", script, StringComparison.Ordinal);
        Assert.Contains("step(s) 12 act at recorded screen points", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_PlaywrightCSharp_UsesTheBestUniqueLocatorAndAssertsWhatTheRunChecked()
    {
        var script = new PlaywrightCSharpWriter().Write(PlanBuilder.Build(Recorded.Demo()));

        Assert.Contains("await page.GetByRole(AriaRole.Textbox, new() { Name = \"Username\", Exact = true }).FillAsync(\"alice\");", script, StringComparison.Ordinal);
        Assert.Contains("ToHaveValueAsync(\"alice\")", script, StringComparison.Ordinal);
        // The verify applies the run's own rule for "the page shows TEXT", embedded verbatim, for 5 s as replay does.
        Assert.Contains("await ShowsText(5, \"Welcome, alice\", 5000);", script, StringComparison.Ordinal);
        Assert.Contains("const string PageShowsText = \"\"\"\n" + ShownTextScript.Source + "\n\"\"\";", script, StringComparison.Ordinal);
        Assert.Contains("ToBeCheckedAsync()", script, StringComparison.Ordinal);
        Assert.Contains("var download10 = page.WaitForDownloadAsync();", script, StringComparison.Ordinal);
        Assert.Contains("await page.Mouse.ClickAsync(200.5f, 300.5f);", script, StringComparison.Ordinal);
        Assert.Contains("a canvas: its content has no elements", script, StringComparison.Ordinal);
        Assert.Contains("await page.GotoAsync(baseUrl + \"/login/\");", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Selenium_UsesTheFirstLocatorWithASeleniumEquivalent()
    {
        var script = new SeleniumCSharpWriter().Write(PlanBuilder.Build(Recorded.Demo()));

        Assert.Contains("Find(By.XPath(\"//input[@id='username']\"))", script, StringComparison.Ordinal);
        Assert.Contains("Find(By.CssSelector(\"#password\"))", script, StringComparison.Ordinal);
        Assert.Contains("new Actions(driver).KeyDown(Keys.Control).SendKeys(\"a\").KeyUp(Keys.Control).Perform();", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("selenium-cs")]
    [InlineData("selenium-py")]
    public void Write_MiddleClickToSelenium_ErrorNamesTheActionAndTarget(string target)
    {
        var run = Recorded.Run(RunStatus.Succeeded, Recorded.Step(1, Recorded.Intent(StepVerb.Click, "x"), new ClickAction(5, 5, MouseButton.Middle)) with { Intent = null, Locators = [Recorded.Id("a")] });

        var error = Assert.Throws<UnsupportedStepException>(() => ScriptTargets.Parse(target).Writer().Write(PlanBuilder.Build(run)));

        Assert.Contains("Step 1 is a middle-button click", error.Message, StringComparison.Ordinal);
        Assert.Contains(target, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ManualStep_CommentAndPause()
    {
        var step = Recorded.Step(1, Recorded.Intent(StepVerb.Click, "x")) with { Intent = null, Description = "manual takeover" };

        var script = new PlaywrightCSharpWriter().Write(PlanBuilder.Build(Recorded.Run(RunStatus.Succeeded, step)));

        Assert.Contains("// A person did this step by hand in the recorded run.", script, StringComparison.Ordinal);
        Assert.Contains("await page.PauseAsync();", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownTarget_SaysWhichAreKnown()
    {
        var error = Assert.Throws<VisualAgent.Errors.UsageException>(() => ScriptTargets.Parse("cypress"));

        Assert.Contains("playwright-cs, playwright-ts, playwright-py, selenium-cs, selenium-py", error.Message, StringComparison.Ordinal);
    }
}
