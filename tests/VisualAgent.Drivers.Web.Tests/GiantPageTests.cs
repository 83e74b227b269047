using System.Diagnostics;

namespace VisualAgent.Tests;

/// <summary>A page of 200,000 elements (samples/web/hostile/giant.html): every read of it is bounded and none throws.</summary>
public sealed class GiantPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task QueryAndDescribe_GiantPage_AreBoundedAndSayTruncated()
    {
        await using var driver = await fixture.NewDriverAsync(o => o.NavigationTimeoutMs = 30_000);
        await driver.NavigateAsync(fixture.Samples.Url("hostile/giant.html"), TestContext.Current.CancellationToken);
        var watch = Stopwatch.StartNew();

        var snapshot = await driver.QueryElementsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var queried = watch.Elapsed;
        var first = Assert.Single(snapshot.Elements, e => e.Role == "button" && e.Name == "Choose the first item");
        watch.Restart();
        var facts = await driver.ElementAtAsync(first.VisibleBox!.Value.Center, TestContext.Current.CancellationToken);
        var described = watch.Elapsed;

        Assert.True(snapshot.Truncated);
        Assert.True(queried < TimeSpan.FromSeconds(20), $"the element query took {queried.TotalSeconds:0.0} s");
        Assert.Equal("Choose the first item", facts?.Name);
        Assert.True(described < TimeSpan.FromSeconds(15), $"describing one element took {described.TotalSeconds:0.0} s");
    }
}
