using VisualAgent.Actions;

namespace VisualAgent.Tests;

public sealed class ElementFactsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ElementAt_ButtonInIframe_DescribesItAndAClickLandsInside()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("forms/"), TestContext.Current.CancellationToken);
        await driver.EvaluateAsync("document.getElementById('frame').scrollIntoView({ block: 'center' })", TestContext.Current.CancellationToken);
        var point = await TestPage.FrameCentreAsync(driver, "frame", "frame-button");

        var facts = await driver.ElementAtAsync(point, TestContext.Current.CancellationToken);

        Assert.NotNull(facts);
        Assert.Equal("button", facts.Role);
        Assert.Equal("Frame button", facts.Name);
        Assert.Equal(["#frame"], facts.Frames);
        Assert.StartsWith("locator('#frame').contentFrame().getByRole('button', { name: 'Frame button'", facts.Locator, StringComparison.Ordinal);
        Assert.True(facts.Box!.Value.Contains(point));

        await driver.ExecuteAsync(new ClickAction(point.X, point.Y), TestContext.Current.CancellationToken);
        Assert.Equal(1, await TestPage.EvalAsync<int>(driver, "window.__state.frame.clicks"));
    }

    [Fact]
    public async Task ElementAt_ButtonInShadowRoot_DescribesItAndAClickToggles()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("forms/"), TestContext.Current.CancellationToken);
        await driver.EvaluateAsync("document.getElementById('fancy').scrollIntoView({ block: 'center' })", TestContext.Current.CancellationToken);
        var point = await TestPage.CentreAsync(driver, "document.getElementById('fancy').shadowRoot.querySelector('button')");

        var facts = await driver.ElementAtAsync(point, TestContext.Current.CancellationToken);

        Assert.NotNull(facts);
        Assert.True(facts.InShadowDom);
        Assert.Equal("button", facts.Role);
        Assert.Equal("Shadow toggle", facts.Name);
        Assert.StartsWith("#fancy ", facts.Css, StringComparison.Ordinal);

        await driver.ExecuteAsync(new ClickAction(point.X, point.Y), TestContext.Current.CancellationToken);
        Assert.True(await TestPage.EvalAsync<bool>(driver, "window.__state.shadowOn"));
    }

    [Fact]
    public async Task ElementAt_OneOfTwoEditButtons_ChoosesAUniqueLocatorThatIsNotRoleAndName()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Pages.Url("edits.html"), TestContext.Current.CancellationToken);
        var second = await TestPage.CentreAsync(driver, "document.querySelectorAll('button')[1]");

        var facts = await driver.ElementAtAsync(second, TestContext.Current.CancellationToken);

        Assert.NotNull(facts);
        Assert.Equal("Edit", facts.Name);
        Assert.DoesNotContain("getByRole('button', { name: 'Edit' })", facts.Locator, StringComparison.Ordinal);
        Assert.Equal(1, await TestPage.EvalAsync<int>(driver, $"document.querySelectorAll({System.Text.Json.JsonSerializer.Serialize(facts.Css)}).length"));
        Assert.True(await TestPage.EvalAsync<bool>(driver,
            $"document.querySelector({System.Text.Json.JsonSerializer.Serialize(facts.Css)}) === document.querySelectorAll('button')[1]"));
    }

    [Fact]
    public async Task ElementAt_ButtonsWithTestIds_PrefersTheTestId()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Pages.Url("edits.html"), TestContext.Current.CancellationToken);
        var save = await TestPage.CentreAsync(driver, "document.querySelector('[data-testid=save-other]')");

        var facts = await driver.ElementAtAsync(save, TestContext.Current.CancellationToken);

        Assert.Equal("getByTestId('save-other')", facts?.Locator);
    }

    [Fact]
    public async Task ElementAt_LabelledInputWithValue_UsesLabelAndNeverTheValue()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Pages.Url("edits.html"), TestContext.Current.CancellationToken);
        await driver.EvaluateAsync("document.getElementById('email').value = 'secret-value@example.com'; document.getElementById('pw').value = 'hunter2'", TestContext.Current.CancellationToken);
        var email = await TestPage.CentreAsync(driver, "document.getElementById('email')");
        var pw = await TestPage.CentreAsync(driver, "document.getElementById('pw')");

        var emailFacts = await driver.ElementAtAsync(email, TestContext.Current.CancellationToken);
        var pwFacts = await driver.ElementAtAsync(pw, TestContext.Current.CancellationToken);

        Assert.Equal("textbox", emailFacts?.Role);
        Assert.Equal("Email", emailFacts?.Label);
        Assert.Equal("you@example.com", emailFacts?.Placeholder);
        Assert.True(emailFacts?.Editable);
        Assert.True(pwFacts?.IsPassword);
        var all = System.Text.Json.JsonSerializer.Serialize(new[] { emailFacts, pwFacts });
        Assert.DoesNotContain("secret-value", all, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessibilitySnapshot_FormsPage_ContainsTheSubmitButton()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("forms/"), TestContext.Current.CancellationToken);

        var snapshot = await driver.AccessibilitySnapshotAsync(TestContext.Current.CancellationToken);

        Assert.Contains("button \"Submit\"", snapshot, StringComparison.Ordinal);
    }
}
