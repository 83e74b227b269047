using VisualAgent.Geometry;
using VisualAgent.Models.Serving;

namespace VisualAgent.Tests.Serving;

/// <summary>The self-check's fit on answers with a real model's scatter: systematic error is found, noise alone is not called a mistake.</summary>
public sealed class ServingFitTests
{
    private static readonly PixelSize Image = new(1920, 1080);
    private static readonly PixelSize Sent = new(1932, 1092);
    private static readonly ServingSpace Pixels = new(ServingSpaceKind.Pixels);

    [Fact]
    public void Diagnose_ScatterOnly_PassesWithTheFitReported()
    {
        var d = ServingFit.Diagnose(Pixels, Observe((x, y) => (x, y), scatter: 12), "p", "qwen2.5-vl");

        Assert.Equal(ServingVerdict.Pass, d.Verdict);
        Assert.InRange(d.X.Scale, 0.97, 1.03);
        Assert.Contains("no systematic error", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_ServerResizeUnderScatter_FoundWithTheFactorAndMaxPixels()
    {
        var d = ServingFit.Diagnose(Pixels, Observe((x, y) => (x * 0.7, y * 0.7), scatter: 12), "p", "qwen2.5-vl");

        Assert.Equal(ServingVerdict.Misconfigured, d.Verdict);
        Assert.Equal(ServingProblem.ServerResize, d.Problem);
        Assert.Contains("Models:p:MaxPixels", d.Fix, StringComparison.Ordinal);
        Assert.Contains("0.70", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_LargeErrorsOfNoKnownShape_InconclusiveNeverAPass()
    {
        var random = new Random(7);
        var d = ServingFit.Diagnose(Pixels, Observe((_, _) => (random.NextDouble() * 1900, random.NextDouble() * 1070), scatter: 0), "p", "qwen2.5-vl");

        Assert.Equal(ServingVerdict.Inconclusive, d.Verdict);
        Assert.NotNull(d.Fix);
    }

    [Fact]
    public void Diagnose_FewAnswers_InconclusiveSaysHowMany()
    {
        var few = Observe((x, y) => (x, y), scatter: 0).Select((o, i) => i < 4 ? o : o with { Predicted = null }).ToList();

        var d = ServingFit.Diagnose(Pixels, few, "p", "qwen2.5-vl");

        Assert.Equal(ServingVerdict.Inconclusive, d.Verdict);
        Assert.Contains("only 4 of", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_DialectWithoutCoordinates_SaysThereIsNothingToCheck()
    {
        var d = ServingFit.Diagnose(ServingSpace.Of("blip2", 1000, false), Observe((x, y) => (x, y), 0), "p", "blip2");

        Assert.Equal(ServingVerdict.Inconclusive, d.Verdict);
        Assert.Contains("writes no coordinates", d.Message, StringComparison.Ordinal);
    }

    private static List<GoldenObservation> Observe(Func<double, double, (double X, double Y)> answer, double scatter)
    {
        var random = new Random(42);
        var list = new List<GoldenObservation>();
        for (var i = 0; i < 24; i++)
        {
            var truth = new ScreenPoint(80 + (i * 73 % 1760), 50 + (i * 131 % 980));
            var (x, y) = answer(truth.X, truth.Y);
            var noisy = new ScreenPoint(x + ((random.NextDouble() - 0.5) * 2 * scatter), y + ((random.NextDouble() - 0.5) * 2 * scatter));
            list.Add(new GoldenObservation(Image, Sent, truth, noisy));
        }

        return list;
    }
}
