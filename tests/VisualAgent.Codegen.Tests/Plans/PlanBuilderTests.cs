using VisualAgent.Actions;
using VisualAgent.Codegen.Plans;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Codegen.Tests.Plans;

public sealed class PlanBuilderTests
{
    [Fact]
    public void Build_SamplesRun_UrlsRelativeToTheBaseAndSecretsNamed()
    {
        var plan = PlanBuilder.Build(Recorded.Demo());

        Assert.True(plan.UsesSamples);
        Assert.Equal(Recorded.Base, plan.BaseUrl);
        Assert.Equal("/login/", plan.Steps[0].Url);
        Assert.True(plan.Steps[0].RelativeToBase);
        Assert.Equal(["APP_PASSWORD"], plan.Secrets);
        Assert.Null(plan.Steps[2].ExpectValue);
        Assert.Equal("alice", plan.Steps[1].ExpectValue);
        Assert.True(plan.Steps.Single(s => s.Index == 10).StartsDownload);
        Assert.Equal("orders.csv", plan.Steps.Single(s => s.Index == 11).DownloadName);
    }

    [Fact]
    public void Build_FailedRun_StopsAtTheFailureAndSaysWhy()
    {
        var run = Recorded.Run(
            RunStatus.Failed,
            Recorded.Step(1, Recorded.Intent(StepVerb.Open, "open", value: Recorded.Base + "/login/")),
            Recorded.Step(2, Recorded.Intent(StepVerb.Click, "click Nope", "Nope"), outcome: StepOutcome.Failed),
            Recorded.Step(3, Recorded.Intent(StepVerb.Click, "click Later", "Later")));

        var plan = PlanBuilder.Build(run);

        Assert.Single(plan.Steps);
        Assert.Contains("failed at step 2 (click Nope): the target was not found", plan.StoppedAt, StringComparison.Ordinal);
        Assert.Contains(plan.Warnings, w => w.Contains("the script ends there", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_OldFormatRun_ActsAtRecordedPointsWithAWarning()
    {
        var run = Recorded.Run(RunStatus.Succeeded, Recorded.Step(1, Recorded.Intent(StepVerb.Click, "click Save", "Save"), new ClickAction(640, 360)));

        var plan = PlanBuilder.Build(run);

        Assert.Equal((640d, 360d), plan.Steps[0].Point);
        Assert.Contains(plan.Warnings, w => w.Contains("recorded without locators", StringComparison.Ordinal) && w.Contains("step(s) 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_ManualTakeover_BecomesAManualStep()
    {
        var step = Recorded.Step(1, Recorded.Intent(StepVerb.Click, "x")) with { Intent = null, Description = "manual takeover (after: shots/001.after.png)" };

        var plan = PlanBuilder.Build(Recorded.Run(RunStatus.Succeeded, step));

        Assert.Equal(ScriptVerb.Manual, plan.Steps[0].Verb);
    }

    [Fact]
    public void Build_DeviceScaleFactorTwo_PointsInCssPixels()
    {
        var run = Recorded.Run(RunStatus.Succeeded, Recorded.Step(1, Recorded.Intent(StepVerb.Click, "click", "x"), new ClickAction(200, 100)));
        run = run with { Run = run.Run with { Settings = new Dictionary<string, string> { ["device_scale_factor"] = "2" } } };

        Assert.Equal((100d, 50d), PlanBuilder.Build(run).Steps[0].Point);
    }
}
