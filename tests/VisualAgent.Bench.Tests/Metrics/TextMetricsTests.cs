using VisualAgent.Bench.Metrics;

namespace VisualAgent.Tests.Metrics;

public sealed class TextMetricsTests
{
    [Fact]
    public void Normalize_MixedWhiteSpace_CollapsesToSingleSpacesAndKeepsCase()
    {
        Assert.Equal("Hello World, again", TextMetrics.Normalize("  Hello \n\t World,\r\n again  "));
        Assert.Equal("hello world", TextMetrics.Normalize("Hello  WORLD", ignoreCase: true));
    }

    [Fact]
    public void Cer_KittenSitting_IsThreeEditsOverSix()
    {
        Assert.Equal(0.5, TextMetrics.Cer("kitten", "sitting"), 12);
        Assert.Equal(3, TextMetrics.CharacterEdits("kitten", "sitting"));
    }

    [Fact]
    public void Cer_CaseDifference_CountsUnlessIgnored()
    {
        Assert.Equal(0.2, TextMetrics.Cer("Hello", "hello"), 12);
        Assert.Equal(0, TextMetrics.Cer("Hello", "hello", ignoreCase: true));
    }

    [Fact]
    public void Cer_LineBreaksVersusSpaces_IsZero()
    {
        Assert.Equal(0, TextMetrics.Cer("line one\nline two", "line one  line two"));
    }

    [Fact]
    public void Wer_DeletedWord_IsOneOverSix()
    {
        Assert.Equal(1.0 / 6, TextMetrics.Wer("the cat sat on the mat", "the cat sat on mat"), 12);
    }

    [Fact]
    public void Wer_SubstitutionAndInsertion_CanExceedTheTruthShare()
    {
        Assert.Equal(2.0 / 3, TextMetrics.Wer("a b c", "a x c d"), 12);
        Assert.Equal(2.0, TextMetrics.Wer("a", "b c"), 12);
    }

    [Fact]
    public void Rates_EmptyTruth_AreZeroOrOne()
    {
        Assert.Equal(0, TextMetrics.Cer("", "  "));
        Assert.Equal(1, TextMetrics.Cer("", "x"));
        Assert.Equal(1, TextMetrics.Wer(" ", "word"));
    }

    [Fact]
    public void Cer_AstralCharacter_CountsAsOneCodePoint()
    {
        Assert.Equal(1.0 / 3, TextMetrics.Cer("a\U0001F600b", "axb"), 12);
    }
}
