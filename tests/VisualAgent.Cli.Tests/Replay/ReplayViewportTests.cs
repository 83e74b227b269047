using System.Text.Json;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Replay;

/// <summary>
/// `replay` opens its page at the viewport the run recorded, so a run made in a narrow window replays on the layout it
/// clicked (samples/web/responsive: the Menu button exists only at most 1100 CSS px wide); an explicit --viewport wins,
/// with a warning that the recorded points and layout may not match.
/// </summary>
public sealed class ReplayViewportTests
{
    private const string Steps = "click the Menu button; verify \"Sections: unfolded\"";

    [Fact]
    public async Task Replay_RunRecordedAt1024x640_ReplaysThereByDefaultAndWarnsWhenTold1280x720()
    {
        using var work = new TempFolder("replay-viewport");
        var env = new Dictionary<string, string> { ["CI"] = "true" };
        var timeout = TimeSpan.FromMinutes(2);

        var (exit, stdout, stderr) = await CliProcess.RunAsync(work.Path, env, timeout, "run", "--url", "samples:responsive/", "--viewport", "1024x640", Steps);
        Assert.True(exit == 0, $"run: exit {exit}\n{stdout}\n{stderr}");
        var runJson = Directory.GetFiles(Path.Combine(work.Path, "runs"), "run.json", SearchOption.AllDirectories).Single();
        using (var run = JsonDocument.Parse(await File.ReadAllTextAsync(runJson, TestContext.Current.CancellationToken)))
        {
            Assert.Equal("1024x640", run.RootElement.GetProperty("settings").GetProperty("viewport").GetString());
        }

        (exit, stdout, stderr) = await CliProcess.RunAsync(work.Path, env, timeout, "replay", "latest", "--json");

        Assert.True(exit == 0, $"replay at the recorded viewport: exit {exit}\n{stdout}\n{stderr}");
        using (var json = JsonDocument.Parse(stdout))
        {
            var root = json.RootElement;
            Assert.True(root.GetProperty("succeeded").GetBoolean(), stdout);
            var viewport = root.GetProperty("viewport");
            Assert.Equal(1024, viewport.GetProperty("width").GetInt32());
            Assert.Equal(640, viewport.GetProperty("height").GetInt32());
            Assert.Equal("recorded", viewport.GetProperty("source").GetString());
            Assert.Equal("viewport 1024x640, as the run recorded it", viewport.GetProperty("note").GetString());
            Assert.False(viewport.TryGetProperty("warning", out _), stdout); // null fields are left out of the JSON
        }

        // Told a wider window: the Menu button is not on that layout, and the replay said beforehand why it may not match.
        (exit, stdout, stderr) = await CliProcess.RunAsync(work.Path, env, timeout, "replay", "latest", "--viewport", "1280x720", "--heal", "off");

        Assert.True(exit != 0, $"replay at 1280x720 should fail (no Menu button on the wide layout):\n{stdout}\n{stderr}");
        Assert.Contains("warning: the run was recorded at 1024x640, this replay uses 1280x720: recorded points and scroll amounts may not match", stderr, StringComparison.Ordinal);
        Assert.Contains("viewport 1280x720, as given (the run recorded 1024x640)", stdout, StringComparison.Ordinal);
        Assert.Contains("replay FAILED: step 1 (click the Menu button) failed", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchReplay_RunRecordedOnAServerThatIsGone_TimesReplayAndScriptOnTheGivenCopyAtTheRecordedViewport()
    {
        using var work = new TempFolder("bench-replay-base");
        var env = new Dictionary<string, string> { ["CI"] = "true" };
        var (exit, stdout, stderr) = await CliProcess.RunAsync(work.Path, env, TimeSpan.FromMinutes(2), "run", "--url", "samples:responsive/", "--viewport", "1024x640", Steps);
        Assert.True(exit == 0, $"run: exit {exit}\n{stdout}\n{stderr}");

        // As a bench run on local pages: recorded on a server that no longer runs, with nothing saying it was the samples.
        var runJson = Directory.GetFiles(Path.Combine(work.Path, "runs"), "run.json", SearchOption.AllDirectories).Single();
        var run = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(runJson, TestContext.Current.CancellationToken))!;
        Assert.True(run["settings"]!.AsObject().Remove("samples_base"), "the run recorded no samples_base");
        await File.WriteAllTextAsync(runJson, run.ToJsonString(), TestContext.Current.CancellationToken);

        (exit, stdout, stderr) = await CliProcess.RunAsync(work.Path, env, TimeSpan.FromMinutes(4), "bench", "replay", "latest", "-n", "1", "--base-url", "samples:", "--json");

        Assert.True(exit == 0, $"bench replay --base-url: exit {exit}\n{stdout}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.StartsWith("from the start page loaded to the last step done", root.GetProperty("span").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("replay_steps_ms").GetDouble() > 0, stdout);
        Assert.True(root.GetProperty("script_steps_ms").GetDouble() > 0, stdout); // the script passed on the same copy, at 1024x640 (the Menu button)
        Assert.True(root.GetProperty("replay_total_ms").GetDouble() > root.GetProperty("replay_steps_ms").GetDouble(), stdout);
        Assert.Equal("recorded", root.GetProperty("viewport").GetProperty("source").GetString());
        Assert.Equal(1024, root.GetProperty("viewport").GetProperty("width").GetInt32());
    }
}
