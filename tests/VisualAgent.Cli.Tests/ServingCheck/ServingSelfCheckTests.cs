using VisualAgent.Hosting;
using VisualAgent.Hosting.ServingCheck;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Profiles;
using VisualAgent.Models.Serving;
using VisualAgent.Simulator;

namespace VisualAgent.Tests.ServingCheck;

/// <summary>
/// The serving self-check against simulated servers configured each wrong way (and right): the golden targets go
/// over HTTP to a server answering in a dialect's grammar from the drawn boxes, and the check must name the mistake
/// and what to set, or pass a correct server.
/// </summary>
public sealed class ServingSelfCheckTests
{
    public static TheoryData<string, string, ServingProblem, ServingVerdict> Cases => new()
    {
        { "qwen3-vl", "correct", ServingProblem.None, ServingVerdict.Pass },
        { "qwen3-vl", "divisor-999", ServingProblem.Divisor, ServingVerdict.Misconfigured },
        { "qwen3-vl", "reply-qwen2.5-vl", ServingProblem.PixelsReadAsGrid, ServingVerdict.Misconfigured },
        { "qwen3-vl", "swap-axes", ServingProblem.SwappedAxes, ServingVerdict.Misconfigured },
        { "qwen3-vl", "server-resize-0.6", ServingProblem.None, ServingVerdict.Pass },
        { "qwen2.5-vl", "correct", ServingProblem.None, ServingVerdict.Pass },
        { "qwen2.5-vl", "server-resize-0.6", ServingProblem.ServerResize, ServingVerdict.Misconfigured },
        { "qwen2.5-vl", "reply-qwen3-vl", ServingProblem.GridReadAsPixels, ServingVerdict.Misconfigured },
        { "llava", "server-pads", ServingProblem.PaddedSquare, ServingVerdict.Misconfigured },
        { "llava", "server-does-not-pad", ServingProblem.NotPaddedSquare, ServingVerdict.Misconfigured },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Check_SimulatedServer_NamesTheMistakeOrPasses(string dialect, string serving, ServingProblem problem, ServingVerdict verdict)
    {
        var ct = TestContext.Current.CancellationToken;
        var profile = ModelProfiles.Simulated(dialect);
        // LLaVA: the profile reads the padded square or the image; the server's model means the other one.
        profile.PadToSquare = serving != "server-pads";
        var options = new SimulatedServerOptions { Divisor = profile.Divisor, PadToSquare = serving is "server-pads" or "server-does-not-pad" ? !profile.PadToSquare : profile.PadToSquare };
        switch (serving)
        {
            case "divisor-999": options.Divisor = 999; break;
            case "reply-qwen2.5-vl": options.ReplyDialect = "qwen2.5-vl"; break;
            case "reply-qwen3-vl": options.ReplyDialect = "qwen3-vl"; break;
            case "swap-axes": options.SwapAxes = true; break;
            case "server-resize-0.6": options.ServerResizeFactor = 0.6; break;
        }

        await using var server = new SimulatedServer(DialectRegistry.Get(dialect), options);
        await server.StartAsync(ct);
        await using var stack = await ModelStack.OpenAsync(profile, new ModelStackOptions { Simulator = server }, ct);

        var report = await ServingSelfCheck.RunAsync(stack, ct);

        var d = report.Diagnosis;
        Assert.True(report.Simulated);
        Assert.True(d.Verdict == verdict && d.Problem == problem, $"{dialect} served '{serving}': expected {verdict} {problem}, got {d.Verdict} {d.Problem}: {d.Message} / {d.Fix}");
        Assert.Equal(24, d.Answered + d.Missed);
        if (verdict == ServingVerdict.Misconfigured)
        {
            Assert.Contains($"Models:{profile.Name}", d.Fix ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Check_DivisorMistake_SaysWhichDivisorToSet()
    {
        var ct = TestContext.Current.CancellationToken;
        var profile = ModelProfiles.Simulated("qwen3-vl");
        profile.Divisor = 999;
        await using var server = new SimulatedServer(DialectRegistry.Get("qwen3-vl"), new SimulatedServerOptions { Divisor = 1000 });
        await server.StartAsync(ct);
        await using var stack = await ModelStack.OpenAsync(profile, new ModelStackOptions { Simulator = server }, ct);

        var d = (await ServingSelfCheck.RunAsync(stack, ct)).Diagnosis;

        Assert.Equal(ServingProblem.Divisor, d.Problem);
        Assert.Contains("Divisor to 1000", d.Fix, StringComparison.Ordinal);
    }
}
