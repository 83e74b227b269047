using VisualAgent.Cli.Commands;

namespace VisualAgent.Tests.Commands;

public sealed class MemoryVerdictTests
{
    [Fact]
    public void From_WarmUpThenFlat_Passes()
    {
        // The shape measured on the samples: a jump while Tesseract and the allocator warm up, then flat.
        double[] curve = [90, 190, 193, 196, 197, 199, 200, 202, 202, 202, 202];

        var verdict = MemoryVerdict.From(curve, nativeBefore: 0, nativeAfter: 0, groundings: 100);

        Assert.True(verdict.Passed, verdict.Text);
        Assert.StartsWith("passed: native objects back to 0; RSS levelled off", verdict.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void From_OneImagePerGroundingLeaked_FailsOnRss()
    {
        // 0.9 MB kept per grounding: 500 groundings grow by 45 MB per tenth.
        var curve = Enumerable.Range(0, 11).Select(i => 100 + (45.0 * i)).ToArray();

        var verdict = MemoryVerdict.From(curve, 0, 0, 500);

        Assert.False(verdict.Passed);
        Assert.Contains("still growing", verdict.Text, StringComparison.Ordinal);
        Assert.Equal(225, verdict.SecondHalfGrowthMb);
    }

    [Fact]
    public void From_NativeObjectsLeft_FailsAndSaysHowMany()
    {
        double[] curve = [100, 150, 150];

        var verdict = MemoryVerdict.From(curve, 3, 8, 100);

        Assert.False(verdict.Passed);
        Assert.Contains("5 native objects still alive (3 -> 8)", verdict.Text, StringComparison.Ordinal);
    }
}
