using VisualAgent.Bench.Metrics;

namespace VisualAgent.Tests.Metrics;

public sealed class PercentilesTests
{
    [Fact]
    public void Of_FourValuesUnsorted_InterpolatesTheMedian()
    {
        Assert.Equal(2.5, Percentiles.Of([4, 1, 3, 2], 50), 12);
    }

    [Fact]
    public void Of_OneToHundred_P95IsNinetyFiveAndAHalfTenth()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).ToList();

        Assert.Equal(95.05, Percentiles.Of(values, 95), 9);
        Assert.Equal(1, Percentiles.Of(values, 0));
        Assert.Equal(100, Percentiles.Of(values, 100));
    }

    [Fact]
    public void Of_SingleValue_IsThatValue()
    {
        Assert.Equal(7, Percentiles.Of([7], 95));
    }

    [Fact]
    public void Of_EmptyOrOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => Percentiles.Of([], 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of([1], 101));
    }
}
