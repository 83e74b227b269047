using VisualAgent.Drivers.Web;

namespace VisualAgent.Tests;

public sealed class WebDriverBenchmarkTests(BrowserFixture fixture)
{
    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task RunAsync_OrdersPage_ReportsEveryMeasure()
    {
        var results = await WebDriverBenchmark.RunAsync(BrowserFixture.DefaultOptions(), fixture.Samples.Url("orders/"), 9, TestContext.Current.CancellationToken);

        foreach (var (name, ms) in results)
        {
            TestContext.Current.TestOutputHelper!.WriteLine($"{name,-48} {ms,8:0.0} ms");
        }

        Assert.Equal(8, results.Count);
        Assert.All(results, r => Assert.InRange(r.MedianMs, 0.01, 60_000));
    }
}
