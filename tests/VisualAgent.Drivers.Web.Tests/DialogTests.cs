using System.Diagnostics;
using VisualAgent.Actions;
using VisualAgent.Drivers;

namespace VisualAgent.Tests;

public sealed class DialogTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Click_OpensConfirm_ReturnsPromptlyWithTheDialogAndAcceptAnswersIt()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("dialogs/"), TestContext.Current.CancellationToken);
        var button = await TestPage.CentreAsync(driver, "document.getElementById('confirm-btn')");

        var watch = Stopwatch.StartNew();
        var outcome = await driver.ExecuteAsync(new ClickAction(button.X, button.Y), TestContext.Current.CancellationToken);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");

        Assert.Equal(new NativeDialog(NativeDialogKind.Confirm, "Do you want to continue?", null), outcome.Dialog);
        Assert.Equal(outcome.Dialog, driver.PendingDialog);
        await Assert.ThrowsAsync<Errors.DriverException>(() => driver.CaptureAsync(TestContext.Current.CancellationToken));

        await driver.AnswerDialogAsync(accept: true, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Null(driver.PendingDialog);
        Assert.True(await TestPage.EvalAsync<bool>(driver, "window.__state.confirmResult"));
    }

    [Fact]
    public async Task Click_OpensPrompt_AnswerWithTextReachesThePage()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("dialogs/"), TestContext.Current.CancellationToken);
        var button = await TestPage.CentreAsync(driver, "document.getElementById('prompt-btn')");

        var outcome = await driver.ExecuteAsync(new ClickAction(button.X, button.Y), TestContext.Current.CancellationToken);
        Assert.Equal(NativeDialogKind.Prompt, outcome.Dialog?.Kind);

        await driver.AnswerDialogAsync(accept: true, "Grace", TestContext.Current.CancellationToken);

        Assert.Equal("Grace", await TestPage.EvalAsync<string>(driver, "window.__state.promptResult"));
    }

    [Fact]
    public async Task Click_AlertShortlyAfter_IsCaughtWhileSettling()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Pages.Url("edits.html"), TestContext.Current.CancellationToken);
        var link = await TestPage.CentreAsync(driver, "document.getElementById('delayed')");

        var outcome = await driver.ExecuteAsync(new ClickAction(link.X, link.Y), TestContext.Current.CancellationToken);

        Assert.Equal(new NativeDialog(NativeDialogKind.Alert, "late alert", null), outcome.Dialog);
        await driver.AnswerDialogAsync(accept: false, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Null(driver.PendingDialog);
    }

    [Fact]
    public async Task Dialog_NobodyAnswers_IsDismissedAfterTheTimeout()
    {
        await using var driver = await fixture.NewDriverAsync(o => o.DialogTimeoutMs = 300);
        await driver.NavigateAsync(fixture.Samples.Url("dialogs/"), TestContext.Current.CancellationToken);
        var button = await TestPage.CentreAsync(driver, "document.getElementById('confirm-btn')");

        var outcome = await driver.ExecuteAsync(new ClickAction(button.X, button.Y), TestContext.Current.CancellationToken);
        Assert.NotNull(outcome.Dialog);
        await Task.Delay(800, TestContext.Current.CancellationToken);

        Assert.Null(driver.PendingDialog);
        Assert.False(await TestPage.EvalAsync<bool>(driver, "window.__state.confirmResult"));
    }

    [Fact]
    public async Task AnswerDialog_NoneOpen_Throws()
    {
        await using var driver = await fixture.NewDriverAsync();
        await Assert.ThrowsAsync<Errors.DriverException>(() => driver.AnswerDialogAsync(true, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Navigate_AwayFromPageThatWarns_SurfacesBeforeUnloadAndAcceptLeaves()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("dialogs/"), TestContext.Current.CancellationToken);
        var warn = await TestPage.CentreAsync(driver, "document.getElementById('warn-leave')");
        await driver.ExecuteAsync(new ClickAction(warn.X, warn.Y), TestContext.Current.CancellationToken);

        await driver.NavigateAsync(fixture.Pages.Url("grid.html"), TestContext.Current.CancellationToken);
        Assert.Equal(NativeDialogKind.BeforeUnload, driver.PendingDialog?.Kind);

        await driver.AnswerDialogAsync(accept: true, cancellationToken: TestContext.Current.CancellationToken);
        Assert.EndsWith("/grid.html", driver.CurrentUrl, StringComparison.Ordinal);
    }
}
