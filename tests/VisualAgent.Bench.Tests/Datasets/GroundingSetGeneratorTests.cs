using VisualAgent.Bench.Datasets;
using VisualAgent.Geometry;

namespace VisualAgent.Tests.Datasets;

public sealed class GroundingSetGeneratorTests(BrowserFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GenerateAsync_OrdersAndLogin_NamesTargetsByTextAndFieldLabel()
    {
        var summary = await fixture.SmallSetAsync();
        var samples = await GroundingSetFile.ReadAsync(summary.AnnotationFile, Ct);

        Assert.Equal(2, summary.Screenshots);
        Assert.Equal(samples.Count, summary.Samples);
        Assert.Equal(samples.Count, samples.Select(s => s.Id).Distinct().Count());
        var export = Assert.Single(samples, s => s.Instruction == "Export CSV");
        Assert.Equal(LabelKinds.TextLabelled, export.LabelKind);
        Assert.Equal("button", export.DataType);
        Assert.Equal([1280, 720], export.ImgSize);
        var status = Assert.Single(samples, s => s.Instruction == "the Status dropdown");
        Assert.Equal(LabelKinds.FieldLabel, status.LabelKind);
        var user = Assert.Single(samples, s => s.Instruction == "the Username field");
        Assert.Equal("login-1280x720.png", user.ImgFilename);
        Assert.True(File.Exists(Path.Combine(summary.ImagesDir, user.ImgFilename)));
        foreach (var s in samples)
        {
            var box = s.TargetBox();
            Assert.True(box.Width >= 2 && box.Height >= 2 && box.X1 >= 0 && box.Y1 >= 0 && box.X2 <= 1280 && box.Y2 <= 720, $"{s.Id} {box}");
        }
    }

    [Fact]
    public async Task GenerateAsync_RepeatedViewButtons_GetOrdinalsInReadingOrder()
    {
        var samples = await GroundingSetFile.ReadAsync((await fixture.SmallSetAsync()).AnnotationFile, Ct);

        Assert.DoesNotContain(samples, s => s.Instruction == "View");
        var first = Assert.Single(samples, s => s.Instruction == "the first View button").TargetBox();
        var second = Assert.Single(samples, s => s.Instruction == "the second View button").TargetBox();
        Assert.True(first.Y2 <= second.Y1, $"{first} should be above {second}");
    }

    [Fact]
    public async Task GenerateAsync_ModalOpen_SkipsTargetsUnderTheBackdrop()
    {
        var dir = BrowserFixture.NewFolder("modal");
        var options = new GroundingSetOptions { Viewports = [new PixelSize(1280, 720)], Screens = ["orders-modal"] };
        var summary = await GroundingSetGenerator.GenerateAsync(fixture.Browser, fixture.Samples.BaseUrl, dir, options, null, Ct);
        var samples = await GroundingSetFile.ReadAsync(summary.AnnotationFile, Ct);

        Assert.Contains(samples, s => s.Instruction == "Close");
        Assert.Contains(samples, s => s.Instruction == "Edit");
        Assert.DoesNotContain(samples, s => s.Instruction == "Export CSV");
    }

    [Fact]
    public async Task GenerateAsync_SameOptionsTwice_WritesIdenticalAnnotations()
    {
        var options = new GroundingSetOptions { Viewports = [new PixelSize(1280, 720)], Screens = ["forms-canvas"] };
        var a = await GroundingSetGenerator.GenerateAsync(fixture.Browser, fixture.Samples.BaseUrl, BrowserFixture.NewFolder("det-a"), options, null, Ct);
        var b = await GroundingSetGenerator.GenerateAsync(fixture.Browser, fixture.Samples.BaseUrl, BrowserFixture.NewFolder("det-b"), options, null, Ct);

        Assert.Equal(await File.ReadAllTextAsync(a.AnnotationFile, Ct), await File.ReadAllTextAsync(b.AnnotationFile, Ct));
        var canvas = Assert.Single(await GroundingSetFile.ReadAsync(a.AnnotationFile, Ct), s => s.DataType == "canvas");
        Assert.Equal("Canvas OK", canvas.Instruction);
        Assert.InRange(canvas.TargetBox().Width, 170, 174);
    }

    [Fact]
    public void Validate_UnknownScreen_ThrowsUsageNamingIt()
    {
        var options = new GroundingSetOptions { Screens = ["nope"] };

        var ex = Assert.Throws<VisualAgent.Errors.UsageException>(options.Validate);
        Assert.Contains("nope", ex.Message, StringComparison.Ordinal);
    }
}
