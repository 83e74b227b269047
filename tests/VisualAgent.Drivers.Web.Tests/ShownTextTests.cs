using System.Text.Json;
using VisualAgent.Actions;
using VisualAgent.Drivers;
using VisualAgent.Drivers.Web;

namespace VisualAgent.Tests;

/// <summary>
/// "The page shows TEXT" (page-shows-text.js through <see cref="IShownText"/>), rule by rule on samples/web/verify/:
/// hidden occurrences and code listings do not count, values and selected options do, text far down is scrolled to;
/// once the steps have acted on a page, what it showed from the start, unchanged, is no evidence (verify/news.html).
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

    [Fact]
    public async Task FindShownText_WordsShownFromTheStart_CountBeforeTheFirstActionAndNotAfterIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("verify/news.html?broken=1"), ct);

        // Before any action the page's state is what is checked: the help text shows the words.
        var before = await driver.FindShownTextAsync("In stock", ct);
        Assert.True(before.Found, before.Problem);
        Assert.Equal("p", before.Element!.Css);

        // Scrolling changes nothing, so it is not an action that starts the comparison.
        await driver.ExecuteAsync(new ScrollAction(null, null, 0, 200), ct);
        Assert.True((await driver.FindShownTextAsync("In stock", ct)).Found);

        // The broken button only says "Checking…": the help text's words are no evidence that the item is in stock.
        await ClickAsync(driver, "#check", ct);
        var after = await driver.FindShownTextAsync("In stock", ct);
        Assert.False(after.Found, after.Where);
        Assert.Contains("was already shown before the steps acted on this page (in p)", after.Problem, StringComparison.Ordinal);

        // Its sort button moves nothing either: a name in the list from the start is no evidence of sorting.
        await ClickAsync(driver, "#sort", ct);
        var unsorted = await driver.FindShownTextAsync("Zoe", ct);
        Assert.False(unsorted.Found, unsorted.Where);
        Assert.Contains("(in li)", unsorted.Problem, StringComparison.Ordinal);

        // Opening the page again is a new start: before acting, its words count again.
        await driver.NavigateAsync(fixture.Samples.Url("verify/news.html?broken=1"), ct);
        Assert.True((await driver.FindShownTextAsync("In stock", ct)).Found);
    }

    [Fact]
    public async Task FindShownText_AfterActing_WhatTheStepsWroteRevealedChangedOrMovedCounts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("verify/news.html"), ct);

        await ClickAsync(driver, "#check", ct);
        var placed = await driver.FindShownTextAsync("In stock", ct);
        Assert.True(placed.Found, placed.Problem);
        Assert.Equal("p#status", placed.Element!.Css);

        await ClickAsync(driver, "#more", ct);
        var count = await driver.FindShownTextAsync("Items: 2", ct);
        Assert.True(count.Found, count.Problem);

        // Sorting moves the same text node to the top of the list: moved is news.
        await ClickAsync(driver, "#sort", ct);
        var sorted = await driver.FindShownTextAsync("Zoe", ct);
        Assert.True(sorted.Found, sorted.Problem);

        await ClickAsync(driver, "#show", ct);
        Assert.True((await driver.FindShownTextAsync("Ships from Lisbon", ct)).Found);

        // The field's value is unchanged since before the first action: not news, until the steps type into it.
        var unchanged = await driver.FindShownTextAsync("Leave at the door", ct);
        Assert.False(unchanged.Found, unchanged.Where);
        Assert.Contains("(the value of input#note)", unchanged.Problem, StringComparison.Ordinal);
        await ClickAsync(driver, "#note", ct);
        await driver.ExecuteAsync(new KeyAction(["End"]), ct);
        await driver.ExecuteAsync(new TypeAction(", please"), ct);
        var typed = await driver.FindShownTextAsync("Leave at the door, please", ct);
        Assert.True(typed.Found, typed.Problem);
        Assert.Equal(("value", "input#note"), (typed.Kind, typed.Element!.Css));
    }

    /// <summary>Clicks the middle of the element <paramref name="css"/> selects, in screenshot pixels.</summary>
    private static async Task ClickAsync(PlaywrightDriver driver, string css, CancellationToken ct)
    {
        var json = await driver.EvaluateAsync(
            $"(() => {{ const r = document.querySelector('{css}').getBoundingClientRect(), s = window.devicePixelRatio; return [(r.left + r.width / 2) * s, (r.top + r.height / 2) * s]; }})()", ct);
        var xy = JsonSerializer.Deserialize<double[]>(json)!;
        await driver.ExecuteAsync(new ClickAction(xy[0], xy[1]), ct);
    }
}
