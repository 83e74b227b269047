using VisualAgent.Actions;
using VisualAgent.Agent.Runs;
using VisualAgent.Codegen.Plans;
using VisualAgent.Codegen.Validation;
using VisualAgent.Codegen.Writers;
using VisualAgent.Drivers;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Codegen.Tests.Writers;

/// <summary>
/// Scripts type key by key where the run's field acts on key events (a combobox or searchbox, as recorded), and fill
/// elsewhere; every target says it in its own idiom and compiles.
/// </summary>
public sealed class TypingRuleTests
{
    private static readonly ScriptChecker Checker = new();

    public static TheoryData<string> Targets => [.. ScriptTargets.WebNames];

    /// <summary>A plain textbox, a combobox known by its element facts, a searchbox known only by its locator, long text, a secret.</summary>
    private static RunDetails Typing() => Recorded.Run(
        RunStatus.Succeeded,
        Recorded.Step(1, Recorded.Intent(StepVerb.Open, "open the form", value: Recorded.Base + "/autocomplete/")),
        Type(2, "Name", "Ada", "textbox", facts: true),
        Type(3, "State", "Ore", "combobox", facts: true),
        Type(4, "Search", "ore", "searchbox", facts: false),
        Type(5, "Notes", new string('x', TypeAction.KeyByKeyLimit + 1), "combobox", facts: true),
        Type(6, "Code", "{{secret:STATE_CODE}}", "combobox", facts: true));

    private static StepRecord Type(int index, string field, string text, string role, bool facts)
    {
        var step = Recorded.Step(index, Recorded.Intent(StepVerb.Type, $"type {text} into the {field} field", $"the {field} field", text), new ClickAction(10, 10 * index), [Recorded.Role(role, field), Recorded.Id(field.ToLowerInvariant())]);
        return facts ? step with { Element = new ElementFacts { Role = role, Tag = "input" } } : step;
    }

    [Fact]
    public void Build_KeyByKeyForComboboxAndSearchbox_FillForTextboxAndLongText()
    {
        var steps = PlanBuilder.Build(Typing()).Steps;

        Assert.Null(steps.Single(s => s.Index == 2).KeyByKey);
        Assert.Contains("a combobox filters its suggestions on key events", steps.Single(s => s.Index == 3).KeyByKey, StringComparison.Ordinal);
        Assert.Contains("a searchbox", steps.Single(s => s.Index == 4).KeyByKey, StringComparison.Ordinal);
        Assert.Null(steps.Single(s => s.Index == 5).KeyByKey);
        Assert.NotNull(steps.Single(s => s.Index == 6).KeyByKey);
    }

    [Theory]
    [InlineData("playwright-cs", ".FillAsync(\"Ada\");", ".ClearAsync();", ".PressSequentiallyAsync(\"Ore\");", ".PressSequentiallyAsync(Secret(\"STATE_CODE\"));")]
    [InlineData("playwright-ts", ".fill(\"Ada\");", ".clear();", ".pressSequentially(\"Ore\");", ".pressSequentially(secret(\"STATE_CODE\"));")]
    [InlineData("playwright-py", ".fill(\"Ada\")", ".clear()", ".press_sequentially(\"Ore\")", ".press_sequentially(secret(\"STATE_CODE\"))")]
    public void Write_Playwright_ComboboxPressedSequentiallyAfterAClear_TextboxFilled(string target, string fill, string clear, string keys, string secretKeys)
    {
        var script = ScriptTargets.Parse(target).Writer().Write(PlanBuilder.Build(Typing()));
        var lines = script.Split('\n');

        var name = Section(lines, 2);
        Assert.Contains(name, l => l.EndsWith(fill, StringComparison.Ordinal));
        Assert.DoesNotContain(name, l => l.Contains(keys.Split('(')[0], StringComparison.Ordinal));
        var state = Section(lines, 3);
        var cleared = Array.FindIndex(state, l => l.EndsWith(clear, StringComparison.Ordinal));
        var typed = Array.FindIndex(state, l => l.EndsWith(keys, StringComparison.Ordinal));
        Assert.True(cleared >= 0 && typed > cleared, string.Join('\n', state));
        Assert.DoesNotContain(state, l => l.Contains(fill.Split('(')[0] + "(", StringComparison.Ordinal));
        Assert.Contains(state, l => l.Contains("Typed key by key, as the run typed it", StringComparison.Ordinal));
        Assert.Contains(Section(lines, 5), l => l.Contains(fill.Split('(')[0] + "(\"xxxx", StringComparison.Ordinal));
        Assert.Contains(Section(lines, 6), l => l.EndsWith(secretKeys, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("selenium-cs")]
    [InlineData("selenium-py")]
    public void Write_Selenium_ClearsThenSendsKeys_SayingWhyForTheCombobox(string target)
    {
        var script = ScriptTargets.Parse(target).Writer().Write(PlanBuilder.Build(Typing()));
        var lines = script.Split('\n');

        foreach (var index in new[] { 2, 3 })
        {
            var section = Section(lines, index);
            var cleared = Array.FindIndex(section, l => l.Contains("field.Clear()", StringComparison.Ordinal) || l.Contains("field.clear()", StringComparison.Ordinal));
            var typed = Array.FindIndex(section, l => l.Contains("field.SendKeys(", StringComparison.Ordinal) || l.Contains("field.send_keys(", StringComparison.Ordinal));
            Assert.True(cleared >= 0 && typed > cleared, string.Join('\n', section));
        }

        Assert.DoesNotContain(Section(lines, 2), l => l.Contains("Typed key by key", StringComparison.Ordinal));
        Assert.Contains(Section(lines, 3), l => l.Contains("Typed key by key", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Check_TypingPlan_CompilesInEachTarget(string name)
    {
        var target = ScriptTargets.Parse(name);
        var script = target.Writer().Write(PlanBuilder.Build(Typing()));

        var result = await Checker.CheckAsync(target, "typing" + target.Extension(), script, TestContext.Current.CancellationToken);

        Assert.False(result.Skipped, result.ToString());
        Assert.True(result.Passed, result + "\n" + script);
    }

    /// <summary>The lines of step <paramref name="index"/>: from its announcement to the next step's.</summary>
    private static string[] Section(string[] lines, int index)
    {
        var start = Array.FindIndex(lines, l => l.TrimStart().StartsWith($"// Step {index}:", StringComparison.Ordinal) || l.TrimStart().StartsWith($"# Step {index}:", StringComparison.Ordinal));
        Assert.True(start >= 0, $"no step {index}");
        var end = Array.FindIndex(lines, start + 1, l => l.TrimStart().StartsWith("// Step ", StringComparison.Ordinal) || l.TrimStart().StartsWith("# Step ", StringComparison.Ordinal));
        return lines[start..(end < 0 ? lines.Length : end)];
    }
}
