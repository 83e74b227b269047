using VisualAgent.Actions;
using VisualAgent.Agent.Runs;
using VisualAgent.Codegen.Plans;
using VisualAgent.Codegen.Validation;
using VisualAgent.Codegen.Writers;
using VisualAgent.Drivers;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Codegen.Tests.Writers;

/// <summary>desktop-cs: a desktop run as a C# file-based app on the desktop driver, compiled with Roslyn against it.</summary>
public sealed class DesktopCSharpWriterTests
{
    private const string Project = "/repo/src/VisualAgent.Drivers.Desktop/VisualAgent.Drivers.Desktop.csproj";

    [Fact]
    public async Task Write_DesktopRun_FindsEachElementByItsPathAndCompilesAgainstTheDriver()
    {
        var plan = PlanBuilder.Build(DesktopRun());
        var script = new DesktopCSharpWriter(Project).Write(plan);

        var result = await new ScriptChecker().CheckAsync(ScriptTarget.DesktopCSharp, "desktop.cs", script, TestContext.Current.CancellationToken);

        Assert.True(result.Passed, result + "\n" + script);
        Assert.Empty(plan.Warnings);
        Assert.Contains($"#:project {Project}", script, StringComparison.Ordinal);
        Assert.Contains("await using var app = await driver.LaunchAsync(\"zenity --forms --add-entry=Name\");", script, StringComparison.Ordinal);
        Assert.Contains("Chain = [new(\"filler\", \"\", 0), new(\"text\", \"\", 2)],", script, StringComparison.Ordinal);
        Assert.Contains("await ExpectTextAsync(element1, \"Ada Lovelace\");", script, StringComparison.Ordinal);
        Assert.Contains("await SetCheckedAsync(element2, true);", script, StringComparison.Ordinal);
        Assert.Contains("Environment.GetEnvironmentVariable(\"PIN\")", script, StringComparison.Ordinal);
        Assert.DoesNotContain("1234", script, StringComparison.Ordinal);
        Assert.Contains("if (printed != \"Ada Lovelace\")", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_WrongDriverMethod_FailsLikeTheRealBuild()
    {
        var script = new DesktopCSharpWriter(Project).Write(PlanBuilder.Build(DesktopRun())).Replace("WaitForPathAsync", "WaitForPathTwiceAsync", StringComparison.Ordinal);

        var result = new CSharpScriptCompiler().Compile(script);

        Assert.False(result.Passed);
        Assert.Contains(result.Errors, e => e.Contains("WaitForPathTwiceAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_WebRun_RefusesSayingWhichTargetsFit()
    {
        var error = Assert.Throws<VisualAgent.Errors.UsageException>(() => new DesktopCSharpWriter(Project).Write(PlanBuilder.Build(Recorded.Demo())));

        Assert.Contains("playwright-cs", error.Message, StringComparison.Ordinal);
    }

    internal static RunDetails DesktopRun()
    {
        static ElementPath Path(params ElementPathStep[] chain) => new() { Application = "zenity", Window = "Trip form", Chain = chain };
        var folder = Directory.CreateTempSubdirectory("va-desktop-plan-").FullName;
        File.WriteAllText(System.IO.Path.Combine(folder, "app-output.txt"), "Ada Lovelace\n");
        var details = Recorded.Run(RunStatus.Succeeded,
            Recorded.Step(1, Recorded.Intent(StepVerb.Type, "type Ada Lovelace into the Name field", "the Name field", "Ada Lovelace"), new ClickAction(900, 500), noLocator: "the driver gave no locators for this surface")
                with { ElementPath = Path(new("filler", "", 0), new("text", "", 2)) },
            Recorded.Step(2, Recorded.Intent(StepVerb.Check, "check Remember", "Remember"), new ClickAction(900, 540))
                with { ElementPath = Path(new("filler", "", 0), new("check box", "Remember", 3)) },
            Recorded.Step(3, Recorded.Intent(StepVerb.Type, "type the PIN into the PIN field", "the PIN field", "{{secret:PIN}}"), new ClickAction(900, 560))
                with { ElementPath = Path(new("filler", "", 0), new("password text", "", 4)) },
            Recorded.Step(4, Recorded.Intent(StepVerb.Press, "press enter") with { Keys = ["enter"] }),
            Recorded.Step(5, Recorded.Intent(StepVerb.Verify, "verify Done", value: "Done")),
            Recorded.Step(6, Recorded.Intent(StepVerb.Click, "click OK", "OK"), new ClickAction(1000, 600))
                with { ElementPath = Path(new("filler", "", 1), new("push button", "OK", 1)) });
        return details with
        {
            Folder = folder,
            Run = details.Run with { Driver = "desktop", Settings = new Dictionary<string, string> { ["display"] = ":99", ["launch"] = "zenity --forms --add-entry=Name" } },
        };
    }
}
