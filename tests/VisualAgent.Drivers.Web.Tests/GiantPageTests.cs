namespace VisualAgent.Tests;

/// <summary>A page of 200,000 elements (samples/web/hostile/giant.html): every read of it is bounded and none throws.</summary>
public sealed class GiantPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task QueryAndDescribe_GiantPage_AreBoundedAndSayTruncated()
    {
        // The bound under test: each read must finish inside the driver's own 30 s limit (unbounded, the query took 40 s
        // and describing 78 s on an idle machine); how fast they are is measured by `bench driver`, not asserted here.
        await using var driver = await fixture.NewDriverAsync(o => o.NavigationTimeoutMs = 30_000);
        await driver.NavigateAsync(fixture.Samples.Url("hostile/giant.html"), TestContext.Current.CancellationToken);

        var snapshot = await driver.QueryElementsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var first = Assert.Single(snapshot.Elements, e => e.Role == "button" && e.Name == "Choose the first item");
        var facts = await driver.ElementAtAsync(first.VisibleBox!.Value.Center, TestContext.Current.CancellationToken);

        Assert.True(snapshot.Truncated);
        Assert.Equal("Choose the first item", facts?.Name);
    }
}
