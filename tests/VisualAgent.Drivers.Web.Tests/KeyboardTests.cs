using VisualAgent.Actions;

namespace VisualAgent.Tests;

public sealed class KeyboardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Type_IntoClickedField_SetsItsValue()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("forms/"), TestContext.Current.CancellationToken);
        var field = await TestPage.CentreAsync(driver, "document.getElementById('full-name')");

        await driver.ExecuteAsync(new ClickAction(field.X, field.Y), TestContext.Current.CancellationToken);
        await driver.ExecuteAsync(new TypeAction("Ada Lovelace"), TestContext.Current.CancellationToken);

        Assert.Equal("Ada Lovelace", await TestPage.EvalAsync<string>(driver, "window.__state.fullName"));
    }

    [Fact]
    public async Task Type_TwentyThousandCharacters_TakesSecondsNotMinutes()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Pages.Url("long-text.html"), TestContext.Current.CancellationToken);
        var field = await TestPage.CentreAsync(driver, "document.getElementById('notes')");
        await driver.ExecuteAsync(new ClickAction(field.X, field.Y), TestContext.Current.CancellationToken);
        var line = "The quick brown fox jumps over the lazy dog, then naps; ünïcödé 😀 too.";
        var text = string.Join("\n", Enumerable.Repeat(line, 20_000 / (line.Length + 1) + 1))[..20_000];
        text = char.IsHighSurrogate(text[^1]) ? text[..^1] + "." : text;

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await driver.ExecuteAsync(new TypeAction(text), TestContext.Current.CancellationToken);
        watch.Stop();

        Assert.Equal(text, await TestPage.EvalAsync<string>(driver, "document.getElementById('notes').value"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"typing 20,000 characters took {watch.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Key_CtrlAThenType_ReplacesTheText()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("forms/"), TestContext.Current.CancellationToken);
        var field = await TestPage.CentreAsync(driver, "document.getElementById('full-name')");
        await driver.ExecuteAsync(new ClickAction(field.X, field.Y), TestContext.Current.CancellationToken);
        await driver.ExecuteAsync(new TypeAction("first"), TestContext.Current.CancellationToken);

        await driver.ExecuteAsync(new KeyAction(["ctrl", "a"]), TestContext.Current.CancellationToken);
        await driver.ExecuteAsync(new TypeAction("second"), TestContext.Current.CancellationToken);
        await driver.ExecuteAsync(new KeyAction(["back"]), TestContext.Current.CancellationToken);

        Assert.Equal("secon", await TestPage.EvalAsync<string>(driver, "window.__state.fullName"));
    }

    [Fact]
    public async Task Type_WithSubmit_PressesEnter()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Pages.Url("grid.html"), TestContext.Current.CancellationToken);
        var field = await TestPage.CentreAsync(driver, "document.getElementById('field')");
        await driver.ExecuteAsync(new ClickAction(field.X, field.Y), TestContext.Current.CancellationToken);

        await driver.ExecuteAsync(new TypeAction("hi", Submit: true), TestContext.Current.CancellationToken);
        await driver.ExecuteAsync(new KeyAction(["ctrl", "shift", "z"]), TestContext.Current.CancellationToken);

        var keys = await TestPage.EvalAsync<string[]>(driver, "window.__state.keys");
        Assert.Equal(["h", "i", "Enter"], keys[..3]);
        Assert.Equal("Control+Shift+Z", keys[^1], ignoreCase: true);
    }

    [Fact]
    public async Task Select_NativeSelectByLabel_ChoosesTheOption()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("forms/"), TestContext.Current.CancellationToken);
        var select = await TestPage.CentreAsync(driver, "document.getElementById('color')");

        var outcome = await driver.ExecuteAsync(new SelectAction(select.X, select.Y, "Blue"), TestContext.Current.CancellationToken);

        Assert.Equal("Blue", await TestPage.EvalAsync<string>(driver, "window.__state.color"));
        Assert.Equal("combobox", outcome.Element?.Role);
        Assert.Equal("Color", outcome.Element?.Name);
    }

    [Fact]
    public async Task Select_UnknownOption_ThrowsNamingIt()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("forms/"), TestContext.Current.CancellationToken);
        var select = await TestPage.CentreAsync(driver, "document.getElementById('color')");

        var ex = await Assert.ThrowsAsync<Errors.DriverException>(() => driver.ExecuteAsync(new SelectAction(select.X, select.Y, "Purple"), TestContext.Current.CancellationToken));
        Assert.Contains("Purple", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_CustomListbox_ClicksItOpenThenTheOption()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Pages.Url("edits.html"), TestContext.Current.CancellationToken);
        var combo = await TestPage.CentreAsync(driver, "document.getElementById('custom')");

        await driver.ExecuteAsync(new SelectAction(combo.X, combo.Y, "Pear"), TestContext.Current.CancellationToken);

        Assert.Equal("Pear", await TestPage.EvalAsync<string>(driver, "window.__state.fruit"));
    }
}
