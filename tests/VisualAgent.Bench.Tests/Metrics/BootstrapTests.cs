using VisualAgent.Bench.Metrics;

namespace VisualAgent.Tests.Metrics;

public sealed class BootstrapTests
{
    [Fact]
    public void Interval_SameInputs_IsIdentical()
    {
        var scores = Enumerable.Range(0, 50).Select(i => (i * 37 % 11) / 10.0).ToList();

        Assert.Equal(Bootstrap.Interval(scores), Bootstrap.Interval(scores));
        Assert.NotEqual(Bootstrap.Interval(scores, seed: 1), Bootstrap.Interval(scores, seed: 2));
    }

    [Fact]
    public void Interval_ConstantScores_CollapsesToTheValue()
    {
        Assert.Equal(new BootstrapInterval(0.75, 0.75), Bootstrap.Interval([0.75, 0.75, 0.75]));
        Assert.Equal(new BootstrapInterval(0.3, 0.3), Bootstrap.Interval([0.3]));
    }

    [Fact]
    public void Interval_ZeroAndOne_SpansTheExtremeMeans()
    {
        // Resampled means are 0, 0.5 or 1 with probabilities 1/4, 1/2, 1/4: the 2.5th and 97.5th percentiles are 0 and 1.
        var interval = Bootstrap.Interval([0, 1]);

        Assert.Equal(0, interval.Low);
        Assert.Equal(1, interval.High);
    }

    [Fact]
    public void Interval_BernoulliSamples_CoversTheTrueMeanAboutNinetyFivePercent()
    {
        const double truth = 0.7;
        var covered = 0;
        const int trials = 200;
        for (var t = 0; t < trials; t++)
        {
            var random = new Random(1000 + t);
            var scores = Enumerable.Range(0, 100).Select(_ => random.NextDouble() < truth ? 1.0 : 0.0).ToList();
            var interval = Bootstrap.Interval(scores, seed: t);
            Assert.InRange(scores.Average(), interval.Low, interval.High);
            covered += interval.Low <= truth && truth <= interval.High ? 1 : 0;
        }

        Assert.InRange(covered / (double)trials, 0.88, 0.99);
    }

    [Fact]
    public void Interval_HigherConfidence_IsWider()
    {
        var scores = Enumerable.Range(0, 40).Select(i => i % 3 == 0 ? 1.0 : 0.0).ToList();
        var narrow = Bootstrap.Interval(scores, confidence: 0.5);
        var wide = Bootstrap.Interval(scores, confidence: 0.99);

        Assert.True(wide.Low < narrow.Low && narrow.High < wide.High, $"{narrow} should lie inside {wide}");
    }

    [Fact]
    public void Interval_EmptyOrBadConfidence_Throws()
    {
        Assert.Throws<ArgumentException>(() => Bootstrap.Interval([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Interval([1], confidence: 1));
    }
}
