using VisualAgent.Geometry;

namespace VisualAgent.Vision.Tests.Imaging;

public sealed class ScreenChangeTests
{
    [Fact]
    public void Compare_ChangeNearActionPoint_LocalFractionExceedsOverall()
    {
        using var before = Fixture.Load("form.png");
        using var after = before.Clone();
        after.DrawBox(new ScreenBox(150, 70, 370, 92), DrawColor.Blue, 4); // the Username input got a focus ring

        var report = ScreenChange.Compare(before.EncodePng(), after.EncodePng(), new ScreenPoint(261, 81), radius: 120);

        Assert.True(report.ChangedFraction > 0);
        Assert.True(report.LocalChangedFraction > report.ChangedFraction * 5);
        Assert.True(report.ChangedMoreThan(0.01));
    }

    [Fact]
    public void Compare_ChangeFarFromActionPoint_LocalFractionZero()
    {
        using var before = Fixture.Load("form.png");
        using var after = before.Clone();
        after.DrawBox(new ScreenBox(600, 500, 700, 560), DrawColor.Blue, 4);

        var report = ScreenChange.Compare(before, after, new ScreenPoint(50, 50), radius: 60);

        Assert.True(report.ChangedFraction > 0);
        Assert.Equal(0, report.LocalChangedFraction);
        Assert.Equal(new ScreenBox(0, 0, 110, 110), report.Around);
    }

    [Fact]
    public void Compare_DifferentSizes_CountsAsFullChange()
    {
        using var a = Fixture.Load("form.png");
        using var small = a.Resize(new PixelSize(400, 300));
        Assert.Equal(1, ScreenChange.Compare(a, small).ChangedFraction);
    }

    [Fact]
    public void RenderSetOfMarks_TwoProposals_BoxesDrawnAndSizeKept()
    {
        var png = Fixture.Bytes("order.png");
        var marked = Annotations.RenderSetOfMarks(png, [new ScreenBox(49, 272, 201, 315), new ScreenBox(208, 272, 311, 315)]);

        using var original = Image.Decode(png);
        using var result = Image.Decode(marked);
        Assert.Equal(original.Size, result.Size);
        var change = original.ChangedRegions(result);
        Assert.True(change.Regions.Count >= 1 && change.Regions.All(r => r.Inflate(4).IntersectionOverUnion(new ScreenBox(45, 260, 315, 320)) > 0), string.Join(' ', change.Regions));
    }

    [Fact]
    public void AnnotateStep_PointAndBox_ChangesOnlyAroundThem()
    {
        var png = Fixture.Bytes("form.png");
        var annotated = Annotations.AnnotateStep(png, new ScreenPoint(68, 235), new ScreenBox(22, 216, 114, 255), "click Sign in");

        using var a = Image.Decode(png);
        using var b = Image.Decode(annotated);
        var change = a.ChangedRegions(b);
        Assert.NotEmpty(change.Regions);
        Assert.All(change.Regions, r => Assert.True(r.Y2 < 300 && r.X1 < 250, $"{r}"));
    }
}
