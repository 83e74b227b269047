using VisualAgent.Actions;
using VisualAgent.Drivers;

namespace VisualAgent.Tests;

/// <summary>The page model: elements with roles, names, states and boxes; hit-testing; visible text; activity counters.</summary>
public sealed class ElementQueryTests(BrowserFixture fixture)
{
    private static UiElement Named(ElementSnapshot snapshot, string role, string name) =>
        Assert.Single(snapshot.Elements, e => e.Role == role && e.Name == name);

    [Fact]
    public async Task QueryElements_TargetsPage_GivesRolesNamesStatesAndCover()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("targets/"), TestContext.Current.CancellationToken);

        var snapshot = await driver.QueryElementsAsync(cancellationToken: TestContext.Current.CancellationToken);

        var note = Named(snapshot, "textbox", "Note");
        Assert.True(note.States.Editable);
        Assert.True(Named(snapshot, "button", "Add").HitAtCentre);
        Assert.False(Named(snapshot, "button", "Archive").HitAtCentre);
        Assert.False(Named(snapshot, "checkbox", "Subscribe").States.Checked);
        Assert.Equal("First Name", Named(snapshot, "textbox", "First Name").Label);
        Assert.Contains(snapshot.Elements, e => e.InProse && e.Text.StartsWith("To add an item", StringComparison.Ordinal));
        Assert.DoesNotContain(snapshot.Elements, e => e.Role == "button" && e.Name == "Add" && e.InProse);
    }

    [Fact]
    public async Task HitTest_CentreOfAButton_IsThatButton()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("targets/"), TestContext.Current.CancellationToken);
        var add = Named(await driver.QueryElementsAsync(cancellationToken: TestContext.Current.CancellationToken), "button", "Add");

        var hit = await driver.HitTestAsync(add.VisibleBox!.Value.Center, TestContext.Current.CancellationToken);

        Assert.NotNull(hit);
        Assert.Equal(("button", "Add"), (hit.Role, hit.Name));
    }

    [Fact]
    public async Task Mark_ClickThatChangesTheDom_CountsMutations_AndOneThatDoesNot_CountsNone()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("targets/"), TestContext.Current.CancellationToken);
        var snapshot = await driver.QueryElementsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var note = Named(snapshot, "textbox", "Note").VisibleBox!.Value.Center;
        var add = Named(snapshot, "button", "Add").VisibleBox!.Value.Center;
        var refresh = Named(snapshot, "button", "Refresh").VisibleBox!.Value.Center;
        await driver.ExecuteAsync(new ClickAction(note.X, note.Y), TestContext.Current.CancellationToken);
        await driver.ExecuteAsync(new TypeAction("milk"), TestContext.Current.CancellationToken);

        var before = await driver.MarkAsync(TestContext.Current.CancellationToken);
        await driver.ExecuteAsync(new ClickAction(add.X, add.Y), TestContext.Current.CancellationToken);
        var added = (await driver.MarkAsync(TestContext.Current.CancellationToken)).Since(before);
        var middle = await driver.MarkAsync(TestContext.Current.CancellationToken);
        await driver.ExecuteAsync(new ClickAction(refresh.X, refresh.Y), TestContext.Current.CancellationToken);
        var nothing = (await driver.MarkAsync(TestContext.Current.CancellationToken)).Since(middle);

        Assert.True(added.Mutations > 0, added.ToString());
        Assert.False(nothing.Any, nothing.ToString());
        Assert.False(nothing.Unknown);
    }

    [Fact]
    public async Task QueryText_GivesRenderedTextWithBoxes()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("targets/"), TestContext.Current.CancellationToken);

        var blocks = await driver.QueryTextAsync(cancellationToken: TestContext.Current.CancellationToken);

        var count = Assert.Single(blocks, b => b.Text == "14 results");
        Assert.True(count.Box.Width > 0);
    }

    [Fact]
    public async Task QueryElements_FormsPage_ReadsSameOriginFramesAndOpenShadowRoots()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("forms/"), TestContext.Current.CancellationToken);

        var snapshot = await driver.QueryElementsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(Named(snapshot, "button", "Frame button").InFrame);
        Assert.Contains(snapshot.Elements, e => e.Role == "button" && e.InFrame && e.Name != "Frame button");
    }

    [Fact]
    public async Task Reveal_ElementBelowTheFold_ScrollsItIntoView()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("forms/"), TestContext.Current.CancellationToken);
        var frameButton = Named(await driver.QueryElementsAsync(cancellationToken: TestContext.Current.CancellationToken), "button", "Frame button");

        var shown = await driver.RevealAsync(frameButton.Ref, TestContext.Current.CancellationToken);

        Assert.NotNull(shown);
        Assert.NotNull(shown.VisibleBox);
        Assert.True(shown.HitAtCentre);
    }
}
