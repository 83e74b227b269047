using VisualAgent.Codegen.Export;
using VisualAgent.Codegen.Replay;
using VisualAgent.Codegen.Tests.Writers;
using VisualAgent.Codegen.Writers;
using VisualAgent.Errors;
using VisualAgent.Runs;

namespace VisualAgent.Codegen.Tests.Export;

/// <summary>The one export path (CLI codegen, MCP export_script, the Kernel plugin) and the words every front end parses.</summary>
public sealed class RunScriptTests
{
    [Fact]
    public async Task Generate_DemoRun_IsTheWritersScriptAndCompiles()
    {
        var details = Recorded.Demo();

        var script = RunScript.Generate(details, ScriptTarget.PlaywrightTypeScript);
        var check = await script.CheckAsync(ct: TestContext.Current.CancellationToken);

        Assert.Equal(ScriptTarget.PlaywrightTypeScript.Writer().Write(script.Plan), script.Source);
        Assert.Equal("playwright-ts.ts", script.DefaultFileName);
        Assert.True(check.Passed, check + "\n" + script.Source);
    }

    [Fact]
    public void Generate_DesktopRunForABrowserTarget_IsAUsageErrorNamingDesktopCs()
    {
        var error = Assert.Throws<UsageException>(() => RunScript.Generate(DesktopCSharpWriterTests.DesktopRun(), ScriptTarget.SeleniumPython));

        Assert.Contains("--target desktop-cs", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("off", HealMode.Off)]
    [InlineData(" Propose ", HealMode.Propose)]
    [InlineData("APPLY", HealMode.Apply)]
    [InlineData(null, HealMode.Propose)]
    public void ParseHeal_TakesTheThreeWordsInAnyCase_ProposeByDefault(string? text, HealMode expected) =>
        Assert.Equal(expected, WebReplay.ParseHeal(text, "--heal"));

    [Theory]
    [InlineData("sometimes")]
    [InlineData("")]
    public void ParseHeal_AnythingElseNamesTheOptionAndTheThree(string text)
    {
        var error = Assert.Throws<UsageException>(() => WebReplay.ParseHeal(text, "--heal"));

        Assert.Contains($"Unknown --heal '{text}'. Use off, propose or apply.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SamplesBase_WrittenAndReadBack_WithoutTheTrailingSlash()
    {
        IReadOnlyDictionary<string, string> settings = new Dictionary<string, string> { ["viewport"] = "1280x800" };

        var recorded = settings.WithSamplesBase("http://127.0.0.1:5123/");
        var demo = Recorded.Demo();
        var run = demo.Run with { Settings = recorded };

        Assert.Same(settings, settings.WithSamplesBase(null));
        Assert.False(settings.ContainsKey(RunSettingKeys.SamplesBase));
        Assert.Equal("1280x800", recorded["viewport"]);
        Assert.Equal("http://127.0.0.1:5123", run.SamplesBaseOf());
        Assert.True(WebReplay.NeedsSamples(demo with { Run = run }, null));
        Assert.False(WebReplay.NeedsSamples(demo with { Run = run with { Settings = settings } }, "http://127.0.0.1:9/"));
        Assert.True(WebReplay.NeedsSamples(demo with { Run = run with { Settings = settings } }, "samples:renamed"));
    }
}
