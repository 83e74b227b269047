using VisualAgent.Actions;
using VisualAgent.Agent.Runs;
using VisualAgent.Drivers;
using VisualAgent.Geometry;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Tests.Support;

/// <summary>
/// A run written through the product's own RunStore and RunWriter, step by step, on the orders screenshot: what a
/// `visual-agent run` leaves on disk, so the Runs page can be driven while steps are still being written.
/// </summary>
internal sealed class RecordedRun : IAsyncDisposable
{
    private readonly RunWriter _writer;
    private readonly byte[] _png;
    private RunRecord _run;

    private RecordedRun(RunWriter writer, RunRecord run, byte[] png)
    {
        _writer = writer;
        _run = run;
        _png = png;
    }

    public string Id => _writer.Id;

    public string Folder => _writer.Folder;

    public static async Task<RecordedRun> StartAsync(UiFixture ui, string goal)
    {
        var store = new RunStore(ui.RunsFolder);
        var started = DateTimeOffset.UtcNow;
        var run = new RunRecord
        {
            Id = store.NewId(started, goal + " " + Guid.NewGuid().ToString("N")[..6]),
            Goal = goal,
            StartUrl = ui.Samples.Url("orders/"),
            Model = "offline",
            StartedAt = started,
            Status = RunStatus.Running,
        };
        var writer = await store.CreateAsync(run);
        return new RecordedRun(writer, run with { Id = writer.Id }, await File.ReadAllBytesAsync(ui.OrdersShot));
    }

    /// <summary>Writes step <paramref name="index"/>: a click on the Export CSV button (or a verify when <paramref name="verify"/> is set).</summary>
    public async Task StepAsync(int index, UiFixture ui, bool verify = false)
    {
        var shot = await _writer.SaveShotAsync(index, _png);
        var annotated = await _writer.SaveShotAsync(index, _png, annotated: true);
        var crop = verify ? null : await _writer.SaveCropAsync(index, await File.ReadAllBytesAsync(ui.ExportCrop));
        var button = ui.ExportButton;
        var center = new ScreenPoint(button.X + (button.Width / 2), button.Y + (button.Height / 2));
        var started = DateTimeOffset.UtcNow;
        var step = verify
            ? new StepRecord
            {
                Index = index, Started = started, Ended = started.AddMilliseconds(40), Description = "verify \"Orders\"", Screenshot = shot,
                ScreenshotSize = new PixelSize(1280, 720), Model = "offline", Intent = new StepIntent(StepVerb.Verify) { Source = "verify \"Orders\"", Value = "Orders" },
                Check = new StepCheck("the text \"Orders\" visible", "\"Orders\" found in the heading", CheckStrength.Strong, true),
                Outcome = StepOutcome.Ok, TotalMs = 40,
            }
            : new StepRecord
            {
                Index = index, Started = started, Ended = started.AddMilliseconds(350), Description = "click the Export CSV button", Screenshot = shot, AnnotatedScreenshot = annotated,
                ScreenshotSize = new PixelSize(1280, 720), Model = "offline", RawReply = "page: button \"Export CSV\"",
                Action = new ClickAction(center.X, center.Y), Confidence = 1,
                Element = new ElementFacts { Tag = "button", Role = "button", Name = "Export CSV", Box = ScreenBox.FromXywh(button.X, button.Y, button.Width, button.Height) },
                Intent = new StepIntent(StepVerb.Click) { Source = "click the Export CSV button", Target = "the Export CSV button" },
                Locators = [new ElementLocator { Kind = LocatorKind.Role, Role = "button", Name = "Export CSV", Value = "button \"Export CSV\"", Unique = true }],
                Check = new StepCheck("a download starts", "orders.csv downloaded", CheckStrength.Strong, true), Crop = crop,
                Grounding = "page: button \"Export CSV\"",
                Outcome = StepOutcome.Ok, ModelMs = 120, ActMs = 200, TotalMs = 350,
            };
        await _writer.AppendStepAsync(step);
        _run = _run with { Steps = index };
        await _writer.WriteRunAsync(_run);
    }

    public async Task EndAsync(RunStatus status)
    {
        _run = _run with { Status = status, EndedAt = DateTimeOffset.UtcNow, DurationMs = 1234, Reason = status == RunStatus.Failed ? "step 2 failed: the test said so" : null };
        await _writer.WriteRunAsync(_run);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
