using System.Text.Json;

namespace VisualAgent.Tests.Desktop;

/// <summary>
/// The done-when replay: the offline agent's zenity form run replayed by `visual-agent replay` with no model call —
/// the recorded app launched again, each step found by its element path through AT-SPI, typed into and read back, the
/// window that closed seen closing, zenity's output compared with the recording's. An app that changed is healed by the
/// step's words or fails saying why, never replayed to a success with the wrong output.
/// </summary>
public sealed class DesktopReplayTests(DesktopSession desktop)
{
    private const string Form = "zenity --forms --title 'Trip form' --text 'Your trip'";
    private const string Task = "type Ada Lovelace into the Name field; type Zürich into the City field; click OK";

    [Fact]
    public async Task Replay_RecordedZenityForm_FindsEachStepByItsPathWithNoModelAndChecksTheOutput()
    {
        desktop.RequireDisplay();
        using var runs = new DesktopAgentTests.TempDir();
        var id = await RecordAsync(runs.Path);

        var (code, stdout, stderr) = await ReplayAsync(runs.Path, id);

        Assert.True(code == 0, $"exit {code}\n{stdout}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("succeeded").GetBoolean());
        Assert.Equal(0, root.GetProperty("model_calls").GetInt32());
        Assert.Equal(3, root.GetProperty("cache_hits").GetInt32());
        Assert.Equal("Ada Lovelace|Zürich", root.GetProperty("app_output").GetProperty("printed").GetString()!.TrimEnd('\n'));
        var checks = root.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("check").GetString()).ToList();
        Assert.Equal(["the field holds \"Ada Lovelace\"", "the field holds \"Zürich\"", "the window \"Trip form\" closed"], checks);
    }

    [Fact]
    public async Task Replay_FieldsSwapped_HealingOffFailsAtTheFirstStep_HealingFollowsTheWordsAndTheOutputCheckFails()
    {
        desktop.RequireDisplay();
        using var runs = new DesktopAgentTests.TempDir();
        var id = await RecordAsync(runs.Path);
        var swapped = $"{Form} --add-entry=City --add-entry=Name";

        var (offCode, offOut, offErr) = await ReplayAsync(runs.Path, id, "--heal", "off", "--launch", swapped);
        var (code, stdout, stderr) = await ReplayAsync(runs.Path, id, "--launch", swapped);

        Assert.True(offCode == 1, $"exit {offCode}\n{offOut}\n{offErr}");
        using (var off = JsonDocument.Parse(offOut))
        {
            Assert.False(off.RootElement.GetProperty("succeeded").GetBoolean());
            Assert.Contains("healing is off", off.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Single(off.RootElement.GetProperty("steps").EnumerateArray());
        }

        // Healed by the step's words, each value lands in the field its label names; zenity then prints them in the new
        // order, which is not what the recording printed: the replay says so instead of succeeding.
        Assert.True(code == 1, $"exit {code}\n{stdout}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.False(root.GetProperty("succeeded").GetBoolean());
        Assert.Equal(2, root.GetProperty("healed").GetInt32());
        Assert.Equal("Zürich|Ada Lovelace", root.GetProperty("app_output").GetProperty("printed").GetString()!.TrimEnd('\n'));
        Assert.Contains("Zürich|Ada Lovelace", root.GetProperty("reason").GetString(), StringComparison.Ordinal);
        using var diff = JsonDocument.Parse(await File.ReadAllTextAsync(root.GetProperty("diff").GetString()!, TestContext.Current.CancellationToken));
        Assert.Equal(2, diff.RootElement.GetProperty("healed").GetArrayLength());
    }

    [Fact]
    public async Task Replay_FieldRenamed_FailsSayingTheWordsFindNothingInsteadOfTypingByPosition()
    {
        desktop.RequireDisplay();
        using var runs = new DesktopAgentTests.TempDir();
        var id = await RecordAsync(runs.Path);

        var (code, stdout, stderr) = await ReplayAsync(runs.Path, id, "--launch", $"{Form} --add-entry=Name --add-entry=Town");

        Assert.True(code == 1, $"exit {code}\n{stdout}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.False(root.GetProperty("succeeded").GetBoolean());
        var reason = root.GetProperty("reason").GetString()!;
        Assert.Contains("step 2", reason, StringComparison.Ordinal);
        Assert.Contains("\"the City field\" finds nothing", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodegenDesktopCs_RecordedZenityForm_CompilesAndRunsGreenUnderTheTestDisplay()
    {
        desktop.RequireDisplay();
        using var runs = new DesktopAgentTests.TempDir();
        var id = await RecordAsync(runs.Path);

        var (code, stdout, stderr) = await DesktopAgentTests.RunCliAsync(runs.Path, "codegen", "--run", id, "--runs", runs.Path, "--target", "desktop-cs", "--verify", "--json");

        Assert.True(code == 0, $"exit {code}\n{stdout}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("check").GetProperty("passed").GetBoolean(), stdout);
        Assert.True(root.GetProperty("verify").GetProperty("passed").GetBoolean(), stdout);
        Assert.Empty(root.GetProperty("warnings").EnumerateArray());
        var script = await File.ReadAllTextAsync(root.GetProperty("script").GetString()!, TestContext.Current.CancellationToken);
        Assert.Contains("driver.WaitForPathAsync(new ElementPath", script, StringComparison.Ordinal);
        Assert.Contains("if (printed != \"Ada Lovelace|Zürich\")", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Codegen_DesktopRunToAWebTarget_RefusesNamingDesktopCs()
    {
        desktop.RequireDisplay();
        using var runs = new DesktopAgentTests.TempDir();
        var id = await RecordAsync(runs.Path);

        var (code, stdout, stderr) = await DesktopAgentTests.RunCliAsync(runs.Path, "codegen", "--run", id, "--runs", runs.Path, "--target", "playwright-cs");

        Assert.True(code == 2, $"exit {code}\n{stdout}\n{stderr}");
        Assert.Contains("--target desktop-cs", stderr, StringComparison.Ordinal);
    }

    private async Task<string> RecordAsync(string runs)
    {
        var (code, stdout, stderr) = await DesktopAgentTests.RunCliAsync(runs,
            "run", "--desktop", "--display", desktop.Display!, "--json", "--runs", runs, "--launch", $"{Form} --add-entry=Name --add-entry=City", Task);
        Assert.True(code == 0, $"recording: exit {code}\n{stdout}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private Task<(int Code, string Stdout, string Stderr)> ReplayAsync(string runs, string id, params string[] more) =>
        DesktopAgentTests.RunCliAsync(runs, ["replay", id, "--display", desktop.Display!, "--json", "--runs", runs, .. more]);
}
