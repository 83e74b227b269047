using VisualAgent.Actions;
using VisualAgent.Drivers;
using VisualAgent.Drivers.Desktop;

namespace VisualAgent.Tests.Desktop;

/// <summary>The AT-SPI element tree of real GTK apps: roles, names, states and boxes that match what a click reaches.</summary>
public sealed class AtSpiTreeTests(DesktopSession desktop)
{
    private const string Form = "zenity --forms --title 'Travel form' --text 'Where to?' --add-entry=Name --add-entry=City --add-password=Secret";

    [Fact]
    public async Task QueryElements_ZenityForm_HasFieldsLabelsAndButtonsInReadingOrder()
    {
        desktop.RequireDisplay();
        await using var driver = DesktopDriver.Open(new DesktopOptions { Display = desktop.Display });
        await using var app = await driver.LaunchAsync(Form, cancellationToken: TestContext.Current.CancellationToken);

        var snapshot = await driver.QueryElementsAsync(4000, TestContext.Current.CancellationToken);

        Assert.True(driver.HasAccessibility, driver.AccessibilityStatus);
        var mine = snapshot.Elements.Where(e => e.Scopes.Any(s => s.Kind == "dialog" && s.Name == "Travel form")).ToList();
        Assert.Equal(["Name", "City", "Secret"], mine.Where(e => e.Role == "text" && e.Name is "Name" or "City" or "Secret").Select(e => e.Name));
        var fields = mine.Where(e => e.Role == "textbox").ToList();
        Assert.Equal(3, fields.Count);
        Assert.All(fields, f => Assert.True(f.States.Editable && f.Interactive && f.HitAtCentre));
        Assert.Equal("password", fields[2].InputType);
        Assert.Null(fields[2].Value);
        var ok = Assert.Single(mine, e => e.Role == "button" && e.Name == "OK");
        Assert.True(app.Window!.Box.Contains(ok.VisibleBox!.Value.Center));
    }

    [Fact]
    public async Task ClickAndType_IntoTheCityField_TheTreeReadsTheValueAndTheHitElementIsTheField()
    {
        desktop.RequireDisplay();
        var ct = TestContext.Current.CancellationToken;
        await using var driver = DesktopDriver.Open(new DesktopOptions { Display = desktop.Display });
        await using var app = await driver.LaunchAsync(Form, cancellationToken: ct);
        var city = (await driver.QueryElementsAsync(4000, ct)).Elements.Where(e => e.Role == "textbox").ElementAt(1);
        var at = city.ClickPoint!.Value;

        await driver.ExecuteAsync(new ClickAction(at.X, at.Y), ct);
        await driver.ExecuteAsync(new TypeAction("Zürich"), ct);

        var now = await driver.RefreshAsync(city.Ref, ct);
        Assert.Equal("Zürich", now?.Value);
        Assert.True(now!.States.Focused);
        var hit = await driver.ElementAtAsync(at, ct);
        Assert.Equal("textbox", hit?.Role);
        Assert.Equal("Travel form", hit!.Path!.Window);
        Assert.Equal("text", hit.Path.Chain[^1].Role);
    }

    [Fact]
    public async Task SetTextAndDoAction_ThroughAtSpi_FillTheFormAndPressOk()
    {
        desktop.RequireDisplay();
        var ct = TestContext.Current.CancellationToken;
        await using var driver = DesktopDriver.Open(new DesktopOptions { Display = desktop.Display });
        await using var app = await driver.LaunchAsync(Form, cancellationToken: ct);
        var elements = (await driver.QueryElementsAsync(4000, ct)).Elements;
        var fields = elements.Where(e => e.Role == "textbox").ToList();

        Assert.True(driver.SetText(fields[0].Ref, "Ada"));
        Assert.True(driver.SetText(fields[1].Ref, "Oslo"));
        Assert.True(driver.DoAction(elements.Single(e => e.Role == "button" && e.Name == "OK").Ref));

        Assert.True(await app.WaitForExitAsync(TimeSpan.FromSeconds(10), ct));
        Assert.Equal("Ada|Oslo|", app.StandardOutput.TrimEnd('\n'));
        Assert.Null(await driver.RefreshAsync(fields[0].Ref, ct));
    }
}
