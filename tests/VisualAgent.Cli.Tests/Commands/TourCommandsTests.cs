using System.Text.Json;

namespace VisualAgent.Tests.Commands;

/// <summary>The README's tour, verb by verb, through the real executable against the bundled samples.</summary>
public sealed class TourCommandsTests
{
    [Fact]
    public async Task Tour_ScreenshotOcrGroundInspectAct_WorkTogether()
    {
        var folder = CliProcess.TempFolder();
        var shot = Path.Combine(folder, "login.png");

        var screenshot = await CliProcess.RunAsync(folder, "screenshot", "--url", "samples:login/", "--out", shot, "--json");
        Assert.True(screenshot.Code == 0, screenshot.Err);
        using (var doc = JsonDocument.Parse(screenshot.Out))
        {
            Assert.Equal(1280, doc.RootElement.GetProperty("width").GetInt32());
        }

        var ocr = await CliProcess.RunAsync(folder, "ocr", "--image", shot);
        Assert.Equal(0, ocr.Code);
        Assert.Contains("Password", ocr.Out, StringComparison.Ordinal);

        var ground = await CliProcess.RunAsync(folder, "ground", "--model", "ocr", "--image", shot, "the Password field", "--json");
        Assert.True(ground.Code == 0, ground.Err);
        double x, y;
        using (var doc = JsonDocument.Parse(ground.Out))
        {
            var point = doc.RootElement.GetProperty("point");
            x = point[0].GetDouble();
            y = point[1].GetDouble();
            Assert.True(File.Exists(doc.RootElement.GetProperty("annotated").GetString()));
        }

        // The grounded point is the password input, as the browser itself says.
        var at = FormattableString.Invariant($"{x:0},{y:0}");
        var inspect = await CliProcess.RunAsync(folder, "inspect", "--url", "samples:login/", "--at", at, "--json");
        Assert.True(inspect.Code == 0, inspect.Err);
        using (var doc = JsonDocument.Parse(inspect.Out))
        {
            Assert.Equal("password", doc.RootElement.GetProperty("input_type").GetString());
        }

        var act = await CliProcess.RunAsync(folder, "act", "--url", "samples:login/", "--click", at, "--out", "act", "--json");
        Assert.True(act.Code == 0, act.Err);
        Assert.True(File.Exists(Path.Combine(folder, "act", "before.png")));
        Assert.True(File.Exists(Path.Combine(folder, "act", "after.png")));
    }

    [Fact]
    public async Task Tour_RunThenRunsListAndShow_FindTheRun()
    {
        var folder = CliProcess.TempFolder();

        var run = await CliProcess.RunAsync(folder, "run", "--url", "samples:login/", "type alice into the Username field; verify \"Log in\"");
        Assert.True(run.Code == 0, run.Err + run.Out);

        var list = await CliProcess.RunAsync(folder, "runs", "list", "--json");
        Assert.Equal(0, list.Code);
        using var runs = JsonDocument.Parse(list.Out);
        var id = Assert.Single(runs.RootElement.EnumerateArray()).GetProperty("id").GetString();

        var show = await CliProcess.RunAsync(folder, "runs", "show", "latest", "--json");
        Assert.Equal(0, show.Code);
        using var details = JsonDocument.Parse(show.Out);
        Assert.Equal(id, details.RootElement.GetProperty("run").GetProperty("id").GetString());
        Assert.Equal(2, details.RootElement.GetProperty("steps").GetArrayLength());
        Assert.True(File.Exists(details.RootElement.GetProperty("report").GetString()));
    }
}
