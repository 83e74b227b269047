using VisualAgent.Drivers;

namespace VisualAgent.Tests;

/// <summary>
/// "The page shows TEXT" (page-shows-text.js through <see cref="IShownText"/>), rule by rule on samples/web/verify/:
/// hidden occurrences and code listings do not count, values and selected options do, text far down is scrolled to.
/// </summary>
public sealed class ShownTextTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("Alpha none", "hidden by its style")]
    [InlineData("Bravo hidden", "hidden by its style")]
    [InlineData("Delta transparent", "hidden by its style")]
    [InlineData("Echo screen reader", "of no size")]
    [InlineData("Foxtrot folded", "closed <details>")]
    [InlineData("Golf clipped", "clipped away")]
    [InlineData("Hotel far", "off the page")]
    [InlineData("India listing", "code listing")]
    [InlineData("Juliet code", "code listing")]
    [InlineData("Kilo option", "not chosen")]
    [InlineData("4 results", "not on the page")]
    [InlineData("4 points", "not on the page")]
    [InlineData("mike value", "another letter case")]
    public async Task FindShownText_OccurrenceAPersonCannotSee_IsNotShownAndSaysWhy(string text, string why)
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("verify/shown.html"), TestContext.Current.CancellationToken);

        var shown = await driver.FindShownTextAsync(text, TestContext.Current.CancellationToken);

        Assert.False(shown.Found, shown.Where);
        Assert.Contains(why, shown.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mike value", "value", "input#name")]
    [InlineData("November notes", "value", "textarea#notes")]
    [InlineData("Lima", "value", "select#unchosen")]
    [InlineData("14 results", "text", "p")]
    [InlineData("Oscar result", "text", "pre#result")]
    [InlineData("Shown text", "text", "h1")]
    [InlineData("Charlie aria", "text", "p")]
    public async Task FindShownText_VisibleOccurrence_IsFoundWithItsElement(string text, string kind, string selector)
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("verify/shown.html"), TestContext.Current.CancellationToken);

        var shown = await driver.FindShownTextAsync(text, TestContext.Current.CancellationToken);

        Assert.True(shown.Found, shown.Problem);
        Assert.Equal((kind, selector), (shown.Kind, shown.Element!.Css));
        Assert.False(shown.Scrolled);
    }

    [Fact]
    public async Task FindShownText_TextFarDown_IsScrolledIntoView()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("verify/shown.html"), TestContext.Current.CancellationToken);

        var shown = await driver.FindShownTextAsync("Papa bottom", TestContext.Current.CancellationToken);

        Assert.True(shown.Found, shown.Problem);
        Assert.True(shown.Scrolled);
        var box = shown.Element!.Box!.Value;
        var shot = await driver.CaptureAsync(TestContext.Current.CancellationToken);
        Assert.InRange(box.Y1, 0, shot.Size.Height - box.Height);
    }

    [Fact]
    public async Task FindShownText_MenuItemsClosedAndTheListing_IsNotShownUntilTheOutputHoldsIt()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("verify/menu-button.html"), TestContext.Current.CancellationToken);

        var before = await driver.FindShownTextAsync("Action 3", TestContext.Current.CancellationToken);
        await driver.EvaluateAsync("document.getElementById('action_output').value = 'Action 3'", TestContext.Current.CancellationToken);
        var after = await driver.FindShownTextAsync("Action 3", TestContext.Current.CancellationToken);

        Assert.False(before.Found);
        Assert.Contains("only inside a code listing", before.Problem, StringComparison.Ordinal);
        Assert.True(after.Found, after.Problem);
        Assert.Equal(("value", "input#action_output"), (after.Kind, after.Element!.Css));
    }
}
