using VisualAgent.Drivers;

namespace VisualAgent.Tests;

/// <summary>
/// The ranked locators checked by Playwright's own engines as a step records them, on samples/web/locators/: six
/// elements that are unique by a DOM count (our ranking) but whose obvious locator Playwright resolves to none, several
/// or another element. Scripts and replay use the first unique entry, so it must be one Playwright resolves to the element.
/// The check's time bound is raised for these tests: on a loaded machine the default 1.5 s ran out and left entries unmarked.
/// </summary>
public sealed class LocatorCheckTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("text-transform", LocatorKind.Role, "EXPORT")] // innerText is upper-case, the accessible name is not
    [InlineData("text-transform", LocatorKind.Text, "EXPORT")]
    [InlineData("line-break", LocatorKind.Text, "Sign in")] // getByText reads "Signin" across the <br>
    [InlineData("hidden-text", LocatorKind.Text, "Archive")] // getByText also counts a display:none twin
    [InlineData("hidden-placeholder", LocatorKind.Placeholder, "Search orders")]
    [InlineData("shadow-twin", LocatorKind.Role, "Publish")] // Playwright pierces the open shadow root: two
    [InlineData("shadow-twin", LocatorKind.Id, "publish")]
    [InlineData("generated-content", LocatorKind.Role, "Next")] // the name includes ::after content: "Next step"
    public async Task ElementAt_LocatorPlaywrightResolvesOtherwise_IsMarkedAndNotPreferred(string testCase, LocatorKind kind, string value)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var driver = await fixture.NewDriverAsync(o => o.LocatorCheckMs = 30_000);
        await driver.NavigateAsync(fixture.Samples.Url("locators/"), ct);
        var element = $"document.querySelector('[data-case={testCase}]')";
        var point = await TestPage.CentreAsync(driver, element);

        var facts = await driver.ElementAtAsync(point, ct);

        Assert.NotNull(facts?.Locators);
        var refused = facts.Locators.First(l => l.Kind == kind && l.Value == value);
        Assert.False(refused.Playwright);
        Assert.False(refused.Unique);
        // The first entry still unique is one Playwright confirmed, and it finds exactly this element.
        var best = facts.Locators.First(l => l.Unique);
        Assert.True(best.Playwright, $"{best.Kind} {best.Value} was not checked");
        var found = await driver.ResolveAsync(best, ct);
        Assert.Equal(1, found.Count);
        Assert.InRange(found.Element!.Box.X1, facts.Box!.Value.X1 - 1, facts.Box.Value.X1 + 1);
        Assert.InRange(found.Element.Box.Y1, facts.Box.Value.Y1 - 1, facts.Box.Value.Y1 + 1);
        Assert.NotSame(refused, best);
        Assert.NotNull(facts.Locator);
    }

    [Fact]
    public async Task ElementAt_EnginesAgree_TopTwoConfirmedAndTheRestLeftAsRanked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var driver = await fixture.NewDriverAsync(o => o.LocatorCheckMs = 30_000);
        await driver.NavigateAsync(fixture.Samples.Url("login/"), ct);
        var point = await TestPage.CentreAsync(driver, "document.getElementById('username')");

        var facts = await driver.ElementAtAsync(point, ct);

        Assert.NotNull(facts?.Locators);
        Assert.Equal([true, true], facts.Locators.Take(2).Select(l => l.Playwright));
        Assert.All(facts.Locators.Skip(2), l => Assert.Null(l.Playwright));
        Assert.Equal("getByRole('textbox', { name: 'Username', exact: true })", facts.Locator);
    }
}
