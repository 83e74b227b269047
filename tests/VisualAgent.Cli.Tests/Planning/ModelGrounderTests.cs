using VisualAgent.Agent.Planning;
using VisualAgent.Drivers;
using VisualAgent.Geometry;
using VisualAgent.Grounding;
using VisualAgent.Models.Client;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Profiles;
using VisualAgent.Simulator;
using VisualAgent.Vision;

namespace VisualAgent.Tests.Planning;

/// <summary>A hostile grounding model's point far off the screenshot is not found, never a corner reported as certain.</summary>
public sealed class ModelGrounderTests
{
    private static readonly PixelSize Size = new(1280, 800);

    [Fact]
    public async Task GroundAsync_PointFarOutsideTheImage_NotFoundNeverACornerWithConfidenceOne()
    {
        var result = await GroundAsync("""[{"point_2d": [99999, -5000], "label": "OK"}]""");

        Assert.False(result.Found);
        Assert.Contains("far outside the 1280x800 image", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroundAsync_PointJustPastTheEdge_ClampedAndLessThanCertain()
    {
        var result = await GroundAsync("""[{"point_2d": [1004, 500], "label": "OK"}]""");

        Assert.True(result.Found);
        Assert.True(result.Clamped);
        Assert.Equal(ModelGrounder.ClampedConfidence, result.Confidence);
    }

    private static async Task<GroundingResult> GroundAsync(string reply)
    {
        var ct = TestContext.Current.CancellationToken;
        var dialect = DialectRegistry.Get("qwen3-vl");
        var simulated = ModelProfiles.Simulated(dialect.Id);
        await using var server = await SimulatedServer.StartForProfileAsync(simulated, ct);
        server.InjectFault(new SimulatedFault(SimulatedFaultKind.Reply) { Text = reply, Count = null });
        var profile = simulated.WithEndpoint(server.BaseUrl);
        using var client = ModelClientFactory.Create(profile);
        var caller = new ModelCaller(profile, dialect, client, PngResizer.Resize);
        using var image = Image.FromBgra(new byte[Size.Width * Size.Height * 4], Size.Width, Size.Height);
        var shot = new Screenshot { Png = image.EncodePng(), Size = Size };

        return await new ModelGrounder(caller).GroundAsync(new GroundingRequest(shot, "the OK button"), ct);
    }
}
