using VisualAgent.Actions;
using VisualAgent.Errors;

namespace VisualAgent.Tests;

public sealed class PointerTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public async Task Click_AtElementCentreInScreenshotPixels_LandsOnThatElement(double dsf)
    {
        await using var driver = await fixture.NewDriverAsync(o => { o.DeviceScaleFactor = dsf; o.ViewportWidth = 640; o.ViewportHeight = 400; });
        await driver.NavigateAsync(fixture.Pages.Url("grid.html"), TestContext.Current.CancellationToken);

        var shot = await driver.CaptureAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new Geometry.PixelSize((int)(640 * dsf), (int)(400 * dsf)), shot.Size);
        Assert.Equal(dsf, shot.DeviceScaleFactor);

        foreach (var id in new[] { "b0", "b7", "b20", "b35" })
        {
            var centre = await TestPage.CentreAsync(driver, $"document.getElementById('{id}')");
            Assert.True(centre.X < shot.Size.Width && centre.Y < shot.Size.Height);
            var outcome = await driver.ExecuteAsync(new ClickAction(centre.X, centre.Y), TestContext.Current.CancellationToken);
            Assert.Equal(id, await TestPage.EvalAsync<string>(driver, "window.__state.clicks.at(-1).id"));
            Assert.Equal("B" + id[1..], outcome.Element?.Name);
            Assert.True(outcome.Element!.Box!.Value.Contains(centre), $"{outcome.Element.Box} should contain {centre}");
        }
    }

    [Fact]
    public async Task Click_RightAndDouble_SendTheButtonAndCount()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Pages.Url("grid.html"), TestContext.Current.CancellationToken);
        var centre = await TestPage.CentreAsync(driver, "document.getElementById('b3')");

        await driver.ExecuteAsync(new ClickAction(centre.X, centre.Y, MouseButton.Right), TestContext.Current.CancellationToken);
        Assert.Equal(2, await TestPage.EvalAsync<int>(driver, "window.__state.clicks.at(-1).button"));

        await driver.ExecuteAsync(new ClickAction(centre.X, centre.Y, Count: 2), TestContext.Current.CancellationToken);
        Assert.Equal(2, await TestPage.EvalAsync<int>(driver, "window.__state.clicks.at(-1).detail"));
    }

    [Fact]
    public async Task Click_OutsideViewport_ThrowsSayingSo()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Pages.Url("grid.html"), TestContext.Current.CancellationToken);
        var ex = await Assert.ThrowsAsync<DriverException>(() => driver.ExecuteAsync(new ClickAction(1280, 100), TestContext.Current.CancellationToken));
        Assert.Contains("outside the viewport", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await TestPage.EvalAsync<int>(driver, "window.__state.clicks.length"));
    }

    [Fact]
    public async Task Scroll_DownAtPoint_ScrollsThePage()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Pages.Url("grid.html"), TestContext.Current.CancellationToken);
        await driver.ExecuteAsync(new ScrollAction(400, 300, 0, 500), TestContext.Current.CancellationToken);
        Assert.InRange(await TestPage.EvalAsync<double>(driver, "scrollY"), 400, 600);

        await driver.ExecuteAsync(new ScrollAction(null, null, 0, -300), TestContext.Current.CancellationToken);
        Assert.InRange(await TestPage.EvalAsync<double>(driver, "scrollY"), 100, 300);
    }

    [Fact]
    public async Task Drag_SortableItemDownwards_ReordersTheList()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("forms/"), TestContext.Current.CancellationToken);
        await driver.EvaluateAsync("document.getElementById('sortable').scrollIntoView({ block: 'center' })", TestContext.Current.CancellationToken);
        var alpha = await TestPage.CentreAsync(driver, "document.querySelector('[data-value=Alpha]')");
        var gamma = await TestPage.CentreAsync(driver, "document.querySelector('[data-value=Gamma]')");

        await driver.ExecuteAsync(new DragAction(alpha.X, alpha.Y, gamma.X, gamma.Y + 8), TestContext.Current.CancellationToken);

        var order = await TestPage.EvalAsync<string[]>(driver, "window.__state.listOrder");
        Assert.Equal(["Beta", "Gamma", "Alpha", "Delta"], order);
    }
}
