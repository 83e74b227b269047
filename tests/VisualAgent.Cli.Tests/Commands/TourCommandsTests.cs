using System.Text.Json;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Commands;

/// <summary>The README's tour, verb by verb, through the real executable against the bundled samples.</summary>
public sealed class TourCommandsTests
{
    [Fact]
    public async Task Tour_ScreenshotOcrGroundInspectAct_WorkTogether()
    {
        var folder = TempFolder.Fresh();
        var shot = Path.Combine(folder, "login.png");

        var screenshot = await CliProcess.RunAsync(folder, "screenshot", "--url", "samples:login/", "--out", shot, "--json");
        Assert.True(screenshot.ExitCode == 0, screenshot.Stderr);
        using (var doc = JsonDocument.Parse(screenshot.Stdout))
        {
            Assert.Equal(1280, doc.RootElement.GetProperty("width").GetInt32());
        }

        var ocr = await CliProcess.RunAsync(folder, "ocr", "--image", shot);
        Assert.Equal(0, ocr.ExitCode);
        Assert.Contains("Password", ocr.Stdout, StringComparison.Ordinal);

        var ground = await CliProcess.RunAsync(folder, "ground", "--model", "ocr", "--image", shot, "the Password field", "--json");
        Assert.True(ground.ExitCode == 0, ground.Stderr);
        double x, y;
        using (var doc = JsonDocument.Parse(ground.Stdout))
        {
            var point = doc.RootElement.GetProperty("point");
            x = point[0].GetDouble();
            y = point[1].GetDouble();
            Assert.True(File.Exists(doc.RootElement.GetProperty("annotated").GetString()));
        }

        // The grounded point is the password input, as the browser itself says.
        var at = FormattableString.Invariant($"{x:0},{y:0}");
        var inspect = await CliProcess.RunAsync(folder, "inspect", "--url", "samples:login/", "--at", at, "--json");
        Assert.True(inspect.ExitCode == 0, inspect.Stderr);
        using (var doc = JsonDocument.Parse(inspect.Stdout))
        {
            Assert.Equal("password", doc.RootElement.GetProperty("input_type").GetString());
        }

        var act = await CliProcess.RunAsync(folder, "act", "--url", "samples:login/", "--click", at, "--out", "act", "--json");
        Assert.True(act.ExitCode == 0, act.Stderr);
        Assert.True(File.Exists(Path.Combine(folder, "act", "before.png")));
        Assert.True(File.Exists(Path.Combine(folder, "act", "after.png")));
    }

    [Fact]
    public async Task Tour_RunThenRunsListAndShow_FindTheRun()
    {
        var folder = TempFolder.Fresh();

        var run = await CliProcess.RunAsync(folder, "run", "--url", "samples:login/", "type alice into the Username field; verify \"alice\"");
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);

        var list = await CliProcess.RunAsync(folder, "runs", "list", "--json");
        Assert.Equal(0, list.ExitCode);
        using var runs = JsonDocument.Parse(list.Stdout);
        var id = Assert.Single(runs.RootElement.EnumerateArray()).GetProperty("id").GetString();

        var show = await CliProcess.RunAsync(folder, "runs", "show", "latest", "--json");
        Assert.Equal(0, show.ExitCode);
        using var details = JsonDocument.Parse(show.Stdout);
        Assert.Equal(id, details.RootElement.GetProperty("run").GetProperty("id").GetString());
        Assert.Equal(2, details.RootElement.GetProperty("steps").GetArrayLength());
        Assert.True(File.Exists(details.RootElement.GetProperty("report").GetString()));
    }
}
