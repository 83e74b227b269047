using VisualAgent.Bench.Metrics;

namespace VisualAgent.Tests.Metrics;

public sealed class CaptionMetricsTests
{
    [Fact]
    public void Tokenize_PunctuationAndCase_AreStripped()
    {
        Assert.Equal(["a", "man", "dont", "ride", "a", "t", "shirt"], CaptionMetrics.Tokenize("A man, don't ride a T-shirt!"));
    }

    [Fact]
    public void Bleu4_IdenticalCandidateAndReferences_IsOne()
    {
        Assert.Equal(1.0, CaptionMetrics.Bleu4(["a red car on the road"], [["a red car on the road", "A red car on the road."]]), 6);
    }

    [Fact]
    public void BleuScores_CatOnMat_MatchHandCountedPrecisions()
    {
        // Clipped matches 5/6, 3/5, 1/4, 0/3; equal lengths, so no brevity penalty.
        var scores = CaptionMetrics.BleuScores(["the cat sat on the mat"], [["the cat is on the mat"]]);

        Assert.Equal(5.0 / 6, scores[0], 6);
        Assert.Equal(Math.Sqrt(0.5), scores[1], 6);
        Assert.Equal(0.5, scores[2], 6);
        Assert.InRange(scores[3], 0, 1e-3);
    }

    [Fact]
    public void Bleu4_OneFourGramMatch_IsTwelfthRoot()
    {
        // 5/6 * 3/5 * 2/4 * 1/3 = 1/12.
        Assert.Equal(Math.Pow(1.0 / 12, 0.25), CaptionMetrics.Bleu4(["the cat sat on the mat"], [["the cat sat on a mat"]]), 6);
    }

    [Fact]
    public void BleuScores_ShortCandidate_AppliesBrevityPenalty()
    {
        var scores = CaptionMetrics.BleuScores(["the cat"], [["the cat sat on the mat"]]);

        Assert.Equal(Math.Exp(1 - (6.0 / 2)), scores[1], 6);
    }

    [Fact]
    public void BleuScores_TiedClosestReferenceLengths_TakeTheShorter()
    {
        var scores = CaptionMetrics.BleuScores(["a b c d e f"], [["a b c d e", "a b c d e f g"]]);

        Assert.Equal(1.0, scores[0], 6);
    }

    [Fact]
    public void CiderD_PerfectMatchesOnACorpus_ScoreTen()
    {
        string[] candidates = ["a red car on the road", "three shapes in a row", "a receipt with four items"];
        IReadOnlyList<string>[] references = [.. candidates.Select(c => (IReadOnlyList<string>)[c, c, c])];

        Assert.All(CaptionMetrics.CiderDPerSample(candidates, references), s => Assert.Equal(10.0, s, 6));
    }

    [Fact]
    public void CiderD_TwoImageCorpus_MatchesHandComputedTfIdf()
    {
        // Image 1: unigram and bigram cosines 1, no 3/4-grams: mean(1, 1, 0, 0) * 10 = 5.
        // Image 2: "c e" vs "c d": clipped unigram cosine 1/2, no bigram match: mean(.5, 0, 0, 0) * 10 = 1.25.
        var scores = CaptionMetrics.CiderDPerSample(["a b", "c e"], [["a b"], ["c d"]]);

        Assert.Equal(5.0, scores[0], 9);
        Assert.Equal(1.25, scores[1], 9);
        Assert.Equal(3.125, CaptionMetrics.CiderD(["a b", "c e"], [["a b"], ["c d"]]), 9);
    }

    [Fact]
    public void CiderD_RepeatedCandidate_IsClippedAndLengthPenalised()
    {
        // Unigram cosine 1/2 (clipped), bigram 1/sqrt(5); bigram counts 3 vs 1 give exp(-4 / 72).
        var expected = (0.5 + (1 / Math.Sqrt(5))) * Math.Exp(-4.0 / 72) / 4 * 10;

        Assert.Equal(expected, CaptionMetrics.CiderDPerSample(["a b a b", "c d"], [["a b"], ["c d"]])[0], 9);
    }

    [Fact]
    public void Bleu4_MismatchedCounts_Throws()
    {
        Assert.Throws<ArgumentException>(() => CaptionMetrics.Bleu4(["a"], []));
        Assert.Throws<ArgumentException>(() => CaptionMetrics.CiderD(["a"], [[]]));
    }
}
