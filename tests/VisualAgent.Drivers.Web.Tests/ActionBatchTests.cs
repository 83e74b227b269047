using VisualAgent.Actions;
using VisualAgent.Drivers;

namespace VisualAgent.Tests;

/// <summary>Actions back to back with one settle (replay's typing: click, select all, type over).</summary>
public sealed class ActionBatchTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(ActionSettle.Light)]
    [InlineData(ActionSettle.Full)]
    public async Task ExecuteBatchAsync_ClickSelectAllType_ReplacesTheFieldsText(ActionSettle settle)
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("forms/"), TestContext.Current.CancellationToken);
        var field = await TestPage.CentreAsync(driver, "document.getElementById('full-name')");
        await driver.ExecuteAsync(new ClickAction(field.X, field.Y), TestContext.Current.CancellationToken);
        await driver.ExecuteAsync(new TypeAction("first"), TestContext.Current.CancellationToken);
        await driver.ExecuteAsync(new ClickAction(1, 1), TestContext.Current.CancellationToken);

        var outcome = await driver.ExecuteBatchAsync(
            [new ClickAction(field.X, field.Y), new KeyAction(["ctrl", "a"]), new TypeAction("second")], settle, TestContext.Current.CancellationToken);

        Assert.Null(outcome.Dialog);
        Assert.Equal("second", await TestPage.EvalAsync<string>(driver, "window.__state.fullName"));
    }

    [Fact]
    public async Task ExecuteBatchAsync_ClickOpensConfirm_ReturnsTheDialogAndTheRestIsNotPerformed()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("dialogs/"), TestContext.Current.CancellationToken);
        // A field that takes the focus after the confirm button's own handler (and after the control button): text typed
        // by the rest of a batch would land in it.
        await driver.EvaluateAsync("""
            (() => {
              const sink = document.createElement('input'); sink.id = 'sink'; document.body.prepend(sink);
              const control = document.createElement('button'); control.id = 'control'; control.textContent = 'Focus the field'; document.body.prepend(control);
              for (const b of [document.getElementById('confirm-btn'), control]) b.addEventListener('click', () => sink.focus());
              return true;
            })()
            """, TestContext.Current.CancellationToken);
        var confirm = await TestPage.CentreAsync(driver, "document.getElementById('confirm-btn')");
        var control = await TestPage.CentreAsync(driver, "document.getElementById('control')");

        var outcome = await driver.ExecuteBatchAsync([new ClickAction(confirm.X, confirm.Y), new TypeAction("after")], ActionSettle.Light, TestContext.Current.CancellationToken);

        Assert.Equal(NativeDialogKind.Confirm, outcome.Dialog?.Kind);
        await Assert.ThrowsAsync<Errors.DriverException>(() => driver.ExecuteBatchAsync([new KeyAction(["tab"])], ActionSettle.Light, TestContext.Current.CancellationToken));
        await driver.AnswerDialogAsync(accept: true, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(await TestPage.EvalAsync<bool>(driver, "window.__state.confirmResult"));
        // Control: with no dialog the same batch types into the field.
        await driver.ExecuteBatchAsync([new ClickAction(control.X, control.Y), new TypeAction("control")], ActionSettle.Light, TestContext.Current.CancellationToken);
        Assert.Equal("control", await TestPage.EvalAsync<string>(driver, "document.getElementById('sink').value"));
    }

    [Fact]
    public async Task ExecuteBatchAsync_NoInputAction_IsRefused()
    {
        await using var driver = await fixture.NewDriverAsync();

        await Assert.ThrowsAsync<Errors.DriverException>(() => driver.ExecuteBatchAsync([], ActionSettle.Light, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<Errors.DriverException>(() => driver.ExecuteBatchAsync([new WaitAction(1)], ActionSettle.Light, TestContext.Current.CancellationToken));
    }
}
