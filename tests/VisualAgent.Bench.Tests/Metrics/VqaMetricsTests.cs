using VisualAgent.Bench.Metrics;

namespace VisualAgent.Tests.Metrics;

public sealed class VqaMetricsTests
{
    [Theory]
    [InlineData("Two", "2")]
    [InlineData("the dog.", "dog")]
    [InlineData("isnt", "isn't")]
    [InlineData("isn't", "isn't")]
    [InlineData("Yes!", "yes")]
    [InlineData("a red-car", "red car")]
    [InlineData("3.5", "3.5")]
    [InlineData("none", "0")]
    [InlineData("An apple, please?", "apple please")]
    [InlineData("dog's", "dog 's")]
    [InlineData("  ten\tcats ", "10 cats")]
    [InlineData("left - right", "left right")]
    [InlineData("e.g. this", "eg this")]
    public void Normalize_OfficialCases_MatchVqaEval(string answer, string expected)
    {
        Assert.Equal(expected, VqaMetrics.Normalize(answer));
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(1, 0.3)]
    [InlineData(2, 0.6)]
    [InlineData(3, 0.9)]
    [InlineData(4, 1.0)]
    [InlineData(10, 1.0)]
    public void SoftAccuracy_KMatchesOfTen_IsTheLeaveOneOutAverage(int matches, double expected)
    {
        var answers = Enumerable.Repeat("red", matches).Concat(Enumerable.Repeat("blue", 10 - matches)).ToList();

        Assert.Equal(expected, VqaMetrics.SoftAccuracy("red", answers), 12);
    }

    [Fact]
    public void SoftAccuracy_NumberWordPrediction_MatchesDigitAnswers()
    {
        string[] answers = ["2", "2", "2", "3", "3", "3", "3", "3", "3", "3"];

        Assert.Equal(0.9, VqaMetrics.SoftAccuracy("Two.", answers), 12);
    }

    [Fact]
    public void SoftAccuracy_FewerThanTenAnswers_RepeatsThemToTen()
    {
        Assert.Equal(1.0, VqaMetrics.SoftAccuracy("red", ["red"]), 12);
        Assert.Equal(0.0, VqaMetrics.SoftAccuracy("green", ["red"]), 12);
        // Five answers, each counted twice (OK-VQA): one matching answer is 2 matches of 10.
        Assert.Equal(0.6, VqaMetrics.SoftAccuracy("red", ["red", "blue", "green", "black", "white"]), 12);
    }

    [Fact]
    public void SoftAccuracy_NoAnswers_Throws()
    {
        Assert.Throws<ArgumentException>(() => VqaMetrics.SoftAccuracy("red", []));
    }
}
