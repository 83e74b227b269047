using VisualAgent.Codegen.Replay;
using VisualAgent.Geometry;
using VisualAgent.Runs;

namespace VisualAgent.Codegen.Tests.Replay;

/// <summary>Which viewport a replay opens at, and what it says about it (the choice the CLI, MCP and UI share).</summary>
public sealed class ReplayViewportChoiceTests
{
    private static readonly PixelSize Configured = new(1280, 720);

    private static RunRecord Run(params (string Key, string Value)[] settings) => new()
    {
        Id = "20260101-000000-test", Goal = "g", Model = "offline", StartedAt = DateTimeOffset.UnixEpoch,
        Settings = settings.ToDictionary(s => s.Key, s => s.Value),
    };

    [Fact]
    public void Choose_RunRecordedASize_ThatSizeAndScaleWithoutWarning()
    {
        var chosen = ReplayViewport.Choose(Run(("viewport", "1024x640"), ("device_scale_factor", "2")), Configured, 1);

        Assert.Equal(new PixelSize(1024, 640), chosen.Size);
        Assert.Equal(2, chosen.DeviceScaleFactor);
        Assert.Equal(ReplayViewportSource.Recorded, chosen.Source);
        Assert.Null(chosen.Warning);
        Assert.Equal("viewport 1024x640 at device scale 2, as the run recorded it", chosen.Note);
    }

    [Fact]
    public void Choose_GivenSizeDiffersFromTheRecordedOne_GivenWinsWithAWarning()
    {
        var chosen = ReplayViewport.Choose(Run(("viewport", "1024x640")), Configured, 1, new PixelSize(1280, 800));

        Assert.Equal(new PixelSize(1280, 800), chosen.Size);
        Assert.Equal(ReplayViewportSource.Given, chosen.Source);
        Assert.StartsWith("the run was recorded at 1024x640, this replay uses 1280x800: recorded points and scroll amounts may not match", chosen.Warning, StringComparison.Ordinal);
        Assert.Equal("viewport 1280x800, as given (the run recorded 1024x640)", chosen.Note);
    }

    [Fact]
    public void Choose_GivenSizeEqualsTheRecordedOne_NoWarning()
    {
        var chosen = ReplayViewport.Choose(Run(("viewport", "1024x640")), Configured, 1, new PixelSize(1024, 640));

        Assert.Null(chosen.Warning);
        Assert.Equal("viewport 1024x640, as given (the run recorded the same)", chosen.Note);
    }

    [Fact]
    public void Choose_GivenScaleOnly_KeepsTheRecordedSizeAndWarnsAboutTheScale()
    {
        var chosen = ReplayViewport.Choose(Run(("viewport", "1024x640"), ("device_scale_factor", "1")), Configured, 1, givenScale: 2);

        Assert.Equal(new PixelSize(1024, 640), chosen.Size);
        Assert.Equal(2, chosen.DeviceScaleFactor);
        Assert.Contains("recorded at 1024x640, this replay uses 1024x640 at device scale 2", chosen.Warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wide")]
    public void Choose_RunRecordedNoReadableSize_TheConfiguredDefaultSaysSo(string? recorded)
    {
        var run = recorded is null ? Run() : Run(("viewport", recorded));

        var chosen = ReplayViewport.Choose(run, Configured, 1);

        Assert.Equal(Configured, chosen.Size);
        Assert.Equal(ReplayViewportSource.ConfiguredDefault, chosen.Source);
        Assert.Null(chosen.Warning);
        Assert.Equal("viewport 1280x720, the configured default: the run recorded no viewport", chosen.Note);
    }
}
