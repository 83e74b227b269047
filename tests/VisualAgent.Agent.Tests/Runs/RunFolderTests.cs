using System.Text;
using System.Text.Json;
using VisualAgent.Actions;
using VisualAgent.Agent.Runs;
using VisualAgent.Drivers;
using VisualAgent.Runs;
using VisualAgent.Tests.Fakes;

namespace VisualAgent.Tests.Runs;

public sealed class RunFolderTests
{
    private const string Secret = "s3cr\"et-Hunter2";

    [Fact]
    public async Task RunAsync_FolderLayout_HasRunJsonStepsShotsReportAndLatest()
    {
        using var h = new Harness();
        h.Grounder.With("Save", 100, 100);

        var result = await h.RunAsync("open http://localhost:5000/; click Save", cancellationToken: TestContext.Current.CancellationToken);

        var id = Path.GetFileName(result.Folder);
        Assert.Matches(@"^\d{8}-\d{6}-open-click-save$", id);
        foreach (var name in new[] { "run.json", "steps.jsonl", "report.html", "shots/001.png", "shots/002.png" })
        {
            Assert.True(File.Exists(Path.Combine(result.Folder, name)), name);
        }

        Assert.True(Directory.Exists(Path.Combine(result.Folder, "downloads")));
        Assert.False(Directory.Exists(Path.Combine(result.Folder, "scripts")), "no empty scripts/ folder: nothing writes scripts yet");
        Assert.Equal(id, File.ReadAllText(Path.Combine(h.Store.Root, "latest")).Trim());
        var lines = File.ReadAllLines(Path.Combine(result.Folder, "steps.jsonl"));
        Assert.Equal(2, lines.Length);
        using var step = JsonDocument.Parse(lines[1]);
        Assert.Equal("click", step.RootElement.GetProperty("action").GetProperty("action").GetString());
        Assert.Equal("100.0", step.RootElement.GetProperty("action").GetProperty("x").GetRawText());
        Assert.Equal("shots/002.png", step.RootElement.GetProperty("screenshot").GetString());
        var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.Folder, "run.json"))).RootElement;
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Contains("shots/002.png", File.ReadAllText(Path.Combine(result.Folder, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunReader_ListAndShow_ReadBackWhatTheRunWrote()
    {
        using var h = new Harness();
        h.Grounder.With("Save", 100, 100);
        var first = await h.RunAsync("click Save", cancellationToken: TestContext.Current.CancellationToken);
        await Task.Delay(1100, TestContext.Current.CancellationToken);
        var second = await h.RunAsync("click Missing", cancellationToken: TestContext.Current.CancellationToken);

        var reader = new RunReader(h.Store);
        var runs = reader.List();
        var latest = reader.Load("latest");

        Assert.Equal([second.Record.Id, first.Record.Id], runs.Select(r => r.Id));
        Assert.Equal(second.Record.Id, latest.Run.Id);
        Assert.Equal(RunStatus.Failed, latest.Run.Status);
        var step = Assert.Single(reader.Load(first.Record.Id).Steps);
        Assert.Equal(new ClickAction(100, 100), step.Action! with { Box = null });
        Assert.Equal(new VisualAgent.Geometry.PixelSize(1280, 800), step.ScreenshotSize);
    }

    [Fact]
    public async Task RunAsync_SecretTyped_NeverWrittenToAnyFileOfTheRun()
    {
        using var h = new Harness();
        h.Environment["APP_TOKEN"] = Secret;
        h.ScreenshotMasker = new FakeScreenshotMasker();
        h.Grounder.With("Token", 300, 100).With("Save", 300, 200);
        h.Grounder.ScreenText = () => "Token: " + h.Driver.Typed;

        var result = await h.RunAsync("type {{secret:APP_TOKEN}} into the Token field; click Save; verify Save", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Succeeded, result.Record.Status);
        Assert.Equal(Secret, h.Driver.Typed.ToString());
        var escaped = JsonSerializer.Serialize(Secret, ActionJson.Options)[1..^1];
        foreach (var file in Directory.EnumerateFiles(result.Folder, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(escaped, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Hunter2", text, StringComparison.Ordinal);
        }

        var steps = RunReader.ReadSteps(result.Folder);
        Assert.Equal("{{secret:APP_TOKEN}}", ((TypeAction)steps[0].Action!.Then![2]).Text);
        Assert.Contains("***", steps[1].RawReply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SecretOnScreen_LaterScreenshotsAreMasked()
    {
        using var h = new Harness();
        h.Environment["APP_TOKEN"] = Secret;
        var masker = new FakeScreenshotMasker();
        h.ScreenshotMasker = masker;
        h.Grounder.With("Token", 300, 100).With("Save", 300, 200);

        var result = await h.RunAsync("type {{secret:APP_TOKEN}} into the Token field; click Save", cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEqual(FakeScreenshotMasker.Masked, File.ReadAllBytes(Path.Combine(result.Folder, "shots/001.png")));
        Assert.Equal(FakeScreenshotMasker.Masked, File.ReadAllBytes(Path.Combine(result.Folder, "shots/002.png")));
        Assert.Equal(FakeScreenshotMasker.Masked, File.ReadAllBytes(Path.Combine(result.Folder, "shots/final.png")));
        // Every capture after the typing is masked where it is taken (the saved ones and those only a check or a model sees).
        Assert.True(masker.Calls.Count >= 2, $"{masker.Calls.Count} masked captures");
        Assert.All(masker.Calls, call => Assert.True(Assert.Single(call).Contains(new VisualAgent.Geometry.ScreenPoint(300, 100))));
    }

    [Fact]
    public async Task RunAsync_SecretOnScreenWithoutMasker_ScreenshotNotSaved()
    {
        using var h = new Harness();
        h.Environment["APP_TOKEN"] = Secret;
        h.Grounder.With("Token", 300, 100).With("Save", 300, 200);

        var result = await h.RunAsync("type {{secret:APP_TOKEN}} into the Token field; click Save", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Succeeded, result.Record.Status);
        Assert.False(File.Exists(Path.Combine(result.Folder, "shots/002.png")));
        Assert.Null(RunReader.ReadSteps(result.Folder)[1].Screenshot);
    }

    [Fact]
    public async Task RunAsync_MissingSecretVariable_FailsNamingIt()
    {
        using var h = new Harness();
        h.Grounder.With("Token", 300, 100);

        var result = await h.RunAsync("type {{secret:NOT_SET_TOKEN}} into the Token field", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Failed, result.Record.Status);
        Assert.Contains("environment variable NOT_SET_TOKEN", result.Record.Reason, StringComparison.Ordinal);
        Assert.Equal("", h.Driver.Typed.ToString());
    }

    [Fact]
    public async Task RunAsync_CancelledMidRun_RecordsInterruptedAndKeepsFinishedSteps()
    {
        using var h = new Harness();
        h.Grounder.With("A", 1, 1).With("B", 2, 2).With("C", 3, 3).With("D", 4, 4);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        RunDetails? midway = null;
        h.Driver.OnExecute = a =>
        {
            if (a is ClickAction { X: 3 })
            {
                midway = new RunReader(h.Store).Load("latest");
                cts.Cancel();
            }
        };

        var result = await h.RunAsync("click A; click B; click C; click D", cancellationToken: cts.Token);

        Assert.NotNull(midway);
        Assert.Equal(RunStatus.Running, midway.Run.Status);
        Assert.Equal(2, midway.Steps.Count);
        Assert.Equal(RunStatus.Failed, result.Record.Status);
        Assert.Equal("interrupted", result.Record.Reason);
        Assert.Equal(130, result.ExitCode);
        var after = new RunReader(h.Store).Load("latest");
        Assert.Equal([StepOutcome.Ok, StepOutcome.Ok, StepOutcome.Failed], after.Steps.Select(s => s.Outcome));
        Assert.DoesNotContain(h.Driver.Clicks, c => c.X == 4);
    }

    [Fact]
    public async Task RunAsync_BugMidRun_WritesAFailedRunAndReportThenRethrows()
    {
        using var h = new Harness();
        h.Grounder.With("A", 1, 1).With("B", 2, 2);
        h.Driver.OnExecute = a =>
        {
            if (a is ClickAction { X: 2 })
            {
                throw new InvalidOperationException("the driver lost its page object");
            }
        };

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => h.RunAsync("click A; click B; click A", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("the driver lost its page object", ex.Message);
        var run = new RunReader(h.Store).Load("latest");
        Assert.Equal(RunStatus.Failed, run.Run.Status);
        Assert.StartsWith("internal error: InvalidOperationException: the driver lost its page object", run.Run.Reason, StringComparison.Ordinal);
        Assert.NotNull(run.Run.EndedAt);
        Assert.Equal([StepOutcome.Ok, StepOutcome.Failed], run.Steps.Select(s => s.Outcome));
        Assert.Contains("internal error", await File.ReadAllTextAsync(Path.Combine(run.Folder, "report.html"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSteps_HalfWrittenLastLine_KeepsTheCompleteOnes()
    {
        using var folder = new TempFolder();
        var good = RunJson.SerializeStep(new StepRecord { Index = 1, Started = DateTimeOffset.UnixEpoch, Outcome = StepOutcome.Ok, Action = new ClickAction(1, 2) });
        File.WriteAllText(Path.Combine(folder.Path, "steps.jsonl"), good + "\n" + good[..20], Encoding.UTF8);

        var steps = RunReader.ReadSteps(folder.Path);

        Assert.Equal(new ClickAction(1, 2), Assert.Single(steps).Action);
    }

    [Fact]
    public void ResolveFolder_UnknownRun_ThrowsUsage()
    {
        using var folder = new TempFolder();
        var store = new RunStore(folder.Path);

        Assert.Throws<VisualAgent.Errors.UsageException>(() => store.ResolveFolder("latest"));
        Assert.Throws<VisualAgent.Errors.UsageException>(() => store.ResolveFolder("2026"));
    }

    [Fact]
    public void Render_Report_EncodesHtmlAndMarksThePoint()
    {
        var run = new RunRecord { Id = "20260101-000000-x", Goal = "click <b>", Model = "offline", StartedAt = DateTimeOffset.UnixEpoch, Status = RunStatus.Failed, Reason = "boom" };
        var step = new StepRecord
        {
            Index = 1, Started = DateTimeOffset.UnixEpoch, Outcome = StepOutcome.Failed, Error = "not found", Screenshot = "shots/001.png",
            ScreenshotSize = new(1000, 500), Action = new ClickAction(250, 250), RawReply = "<script>",
        };

        var html = ReportWriter.Render(run, [step]);

        Assert.Contains("click &lt;b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("left:25%;top:50%", html, StringComparison.Ordinal);
        Assert.Contains("src=\"shots/001.png\"", html, StringComparison.Ordinal);
    }
}
