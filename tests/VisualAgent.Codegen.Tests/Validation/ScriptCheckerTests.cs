using VisualAgent.Codegen.Plans;
using VisualAgent.Codegen.Validation;
using VisualAgent.Codegen.Writers;

namespace VisualAgent.Codegen.Tests.Validation;

/// <summary>The real compilers: Roslyn against the Playwright and Selenium assemblies, tsc, py_compile.</summary>
public sealed class ScriptCheckerTests
{
    private static readonly ScriptChecker Checker = new();

    public static TheoryData<string> Targets => [.. ScriptTargets.WebNames];

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Check_EveryVerbOfARecordedRun_CompilesInEachTarget(string name)
    {
        var target = ScriptTargets.Parse(name);
        var script = target.Writer().Write(PlanBuilder.Build(Recorded.Demo()));

        var result = await Checker.CheckAsync(target, "demo" + target.Extension(), script, TestContext.Current.CancellationToken);

        Assert.False(result.Skipped, result.ToString());
        Assert.True(result.Passed, result + "\n" + script);
    }

    [Fact]
    public void Compile_UnknownPlaywrightMethod_FailsLikeTheRealBuild()
    {
        var script = new PlaywrightCSharpWriter().Write(PlanBuilder.Build(Recorded.Demo())).Replace(".ClickAsync()", ".ClickTwiceAsync()", StringComparison.Ordinal);

        var result = new CSharpScriptCompiler().Compile(script);

        Assert.False(result.Passed);
        Assert.Contains(result.Errors, e => e.Contains("CS1061", StringComparison.Ordinal) && e.Contains("ClickTwiceAsync", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_BrokenTypeScript_FailsWithTscsError()
    {
        var script = new PlaywrightTypeScriptWriter().Write(PlanBuilder.Build(Recorded.Demo())).Replace(".click()", ".clickTwice()", StringComparison.Ordinal);

        var result = await Checker.CheckAsync(ScriptTarget.PlaywrightTypeScript, "broken.ts", script, TestContext.Current.CancellationToken);

        Assert.False(result.Skipped, result.ToString());
        Assert.False(result.Passed);
        Assert.Contains(result.Errors, e => e.Contains("clickTwice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_TypeScriptNamedWithoutExtension_CompiledAsTypeScript()
    {
        // codegen --out login (no extension): tsc must still read it as TypeScript (it used to stop with a parser panic).
        var script = new PlaywrightTypeScriptWriter().Write(PlanBuilder.Build(Recorded.Demo()));

        var result = await Checker.CheckAsync(ScriptTarget.PlaywrightTypeScript, "login", script, TestContext.Current.CancellationToken);
        var broken = await Checker.CheckAsync(ScriptTarget.PlaywrightTypeScript, "login", script.Replace(".click()", ".clickTwice()", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        Assert.True(result.Passed && !result.Skipped, result.ToString());
        Assert.False(broken.Passed);
        Assert.Contains(broken.Errors, e => e.Contains("clickTwice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_BrokenPython_FailsPyCompile()
    {
        var result = await Checker.CheckAsync(ScriptTarget.PlaywrightPython, "broken.py", "def main(:\n    pass\n", TestContext.Current.CancellationToken);

        Assert.False(result.Passed);
    }
}
