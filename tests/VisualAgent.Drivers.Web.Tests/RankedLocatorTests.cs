using VisualAgent.Drivers;

namespace VisualAgent.Tests;

/// <summary>The one locator ranking (Scripts/locators.js) as a step records it: best first, each marked unique or not.</summary>
public sealed class RankedLocatorTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ElementAt_ButtonWithTestId_TestIdFirstThenRoleAndSeleniumEquivalents()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Pages.Url("edits.html"), TestContext.Current.CancellationToken);
        var save = await TestPage.CentreAsync(driver, "document.querySelector('[data-testid=save-other]')");

        var facts = await driver.ElementAtAsync(save, TestContext.Current.CancellationToken);

        Assert.NotNull(facts?.Locators);
        var first = facts.Locators[0];
        Assert.Equal(LocatorKind.TestId, first.Kind);
        Assert.Equal("save-other", first.Value);
        Assert.True(first.Unique);
        Assert.Equal("[data-testid=\"save-other\"]", first.Css);
        Assert.Equal(LocatorKind.Role, facts.Locators[1].Kind);
        Assert.Equal("button", facts.Fingerprint?.Role);
        Assert.Equal("save-other", facts.Fingerprint?.TestId);
        Assert.Contains(facts.Locators, l => l.Kind == LocatorKind.XPath && l.Unique);
    }

    [Fact]
    public async Task ElementAt_SecondOfTwoEditButtons_RoleAndNameNotUniqueButItsNthIs()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Pages.Url("edits.html"), TestContext.Current.CancellationToken);
        var second = await TestPage.CentreAsync(driver, "document.querySelectorAll('button')[1]");

        var facts = await driver.ElementAtAsync(second, TestContext.Current.CancellationToken);

        Assert.NotNull(facts?.Locators);
        var byName = facts.Locators.First(l => l.Kind == LocatorKind.Role && l.Name == "Edit");
        Assert.False(byName.Unique);
        var nth = facts.Locators.Single(l => l.Kind == LocatorKind.Role && l.Nth is not null);
        Assert.Equal(1, nth.Nth);
        Assert.True(nth.Unique);
        // Every CSS equivalent recorded as unique finds exactly the element acted on.
        foreach (var css in facts.Locators.Where(l => l.Unique && l.Css is not null).Select(l => l.Css!))
        {
            Assert.True(await TestPage.EvalAsync<bool>(driver, $"document.querySelectorAll({System.Text.Json.JsonSerializer.Serialize(css)}).length === 1 && document.querySelector({System.Text.Json.JsonSerializer.Serialize(css)}) === document.querySelectorAll('button')[1]"), css);
        }
    }

    [Theory]
    [InlineData("document.getElementById('name')", "textbox", "Name:")]
    [InlineData("document.querySelector('button')", "button", "Save")]
    public async Task ElementAt_NameWithAnAriaHiddenPart_RecordsTheNamePlaywrightsRoleEngineFinds(string element, string role, string name)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Pages.Url("required-labels.html"), ct);
        var point = await TestPage.CentreAsync(driver, element);

        var facts = await driver.ElementAtAsync(point, ct);

        Assert.NotNull(facts?.Locators);
        var byRole = facts.Locators.First(l => l.Kind == LocatorKind.Role);
        Assert.Equal(name, byRole.Name);
        Assert.Equal(name, facts.Fingerprint?.Name);
        // The recorded role + name is one Playwright itself resolves to exactly one element (scripts and replay use it).
        var found = driver.CurrentPage.GetByRole(Enum.Parse<Microsoft.Playwright.AriaRole>(role, ignoreCase: true), new() { Name = byRole.Name, Exact = true });
        Assert.Equal(1, await found.CountAsync());
    }

    [Fact]
    public async Task ElementAt_LabelledField_RoleThenLabelThenId()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("login/"), TestContext.Current.CancellationToken);
        var field = await TestPage.CentreAsync(driver, "document.getElementById('username')");

        var facts = await driver.ElementAtAsync(field, TestContext.Current.CancellationToken);

        Assert.NotNull(facts?.Locators);
        Assert.Equal([LocatorKind.Role, LocatorKind.Label, LocatorKind.Id], facts.Locators.Take(3).Select(l => l.Kind));
        Assert.All(facts.Locators.Take(3), l => Assert.True(l.Unique));
        Assert.Equal("#username", facts.Locators[2].Css);
    }
}
