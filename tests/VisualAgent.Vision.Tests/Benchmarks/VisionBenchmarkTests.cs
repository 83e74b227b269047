using VisualAgent.Geometry;
using VisualAgent.Vision.Benchmarks;

namespace VisualAgent.Vision.Tests.Benchmarks;

public sealed class VisionBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task RunAsync_Screenshot1080_ReportsEveryOperation()
    {
        using var form = Fixture.Load("form.png");
        using var big = form.Resize(new PixelSize(1920, 1080));

        var rows = await VisionBenchmark.RunAsync(big.EncodePng(), 5, TestContext.Current.CancellationToken);

        foreach (var (name, ms) in rows)
        {
            output.WriteLine($"{name,-32} {ms,9:0.0} ms");
        }

        Assert.Equal(12, rows.Count);
        Assert.All(rows, r => Assert.True(r.MedianMs > 0, r.Name));
    }
}
