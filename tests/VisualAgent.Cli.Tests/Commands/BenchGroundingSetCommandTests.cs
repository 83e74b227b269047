using System.Text.Json;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Commands;

/// <summary>`bench grounding-set` over a folder of pages, then `bench run` and `bench calibration` on what it wrote.</summary>
public sealed class BenchGroundingSetCommandTests
{
    [Fact]
    public async Task GroundingSetThenRunThenCalibration_OnTheAdjacentControlsPage_ScoreTheOcrGrounder()
    {
        var folder = TempFolder.Fresh();
        var pages = Path.Combine(RepoPaths.Root, "samples", "web", "grounding");

        var set = await CliProcess.RunAsync(folder, "bench", "grounding-set", "--pages", pages, "--page", "adjacent", "--out", "set", "--json");
        Assert.True(set.ExitCode == 0, set.Stderr);
        using (var doc = JsonDocument.Parse(set.Stdout))
        {
            Assert.True(doc.RootElement.GetProperty("text_named").GetInt32() >= 8, set.Stdout);
            Assert.Equal(1, doc.RootElement.GetProperty("screenshots").GetInt32());
        }

        var run = await CliProcess.RunAsync(folder, "bench", "run", "--suite", Path.Combine("set", "grounding-samples.json"), "--models", "ocr", "--out", "run", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);

        var calibration = await CliProcess.RunAsync(folder, "bench", "calibration", "--results", "run", "--json");
        Assert.True(calibration.ExitCode == 0, calibration.Stderr);
        using var table = JsonDocument.Parse(calibration.Stdout);
        var ocr = table.RootElement.GetProperty("ocr");
        Assert.True(ocr.GetProperty("answered").GetInt32() >= 8, calibration.Stdout);
        Assert.Equal(0, ocr.GetProperty("confident_wrong").GetInt32());
    }
}
