using System.Text.Json;
using VisualAgent.Actions;
using VisualAgent.Drivers;
using VisualAgent.Drivers.Desktop;

namespace VisualAgent.Tests.Desktop;

/// <summary>
/// gtk3-demo's widgets (the Size Groups demo: a check button over combo boxes, opened above the demo's main window): a
/// click through XTEST lands on the check button, the tree reads its state flip, the element facts at the point are the
/// check button and not the covered window underneath, and the agent's toggle steps are checked through the tree.
/// </summary>
public sealed class GtkDemoTests(DesktopSession desktop)
{
    private const string SizeGroups = "gtk3-demo --run=sizegroup";

    [Fact]
    public async Task ClickCheckButton_ThroughXTest_TheTreeReadsItsStateFlipAndTheFactsAtThePointAreTheButton()
    {
        desktop.RequireDisplay();
        var ct = TestContext.Current.CancellationToken;
        await using var driver = DesktopDriver.Open(new DesktopOptions { Display = desktop.Display });
        await using var app = await driver.LaunchAsync(SizeGroups, cancellationToken: ct);
        var box = await FindAsync(driver, e => e.Role == "checkbox" && e.Name == "Enable grouping", ct);
        var at = box.ClickPoint!.Value;
        var before = box.States.Checked;

        await driver.ExecuteAsync(new ClickAction(at.X, at.Y), ct);
        var once = await UntilAsync(driver, box.Ref, e => e.States.Checked != before, ct);
        await driver.ExecuteAsync(new ClickAction(at.X, at.Y), ct);
        var twice = await UntilAsync(driver, box.Ref, e => e.States.Checked == before, ct);

        Assert.NotNull(before);
        Assert.Equal(!before, once.States.Checked);
        Assert.Equal(before, twice.States.Checked);
        var facts = await driver.ElementAtAsync(at, ct);
        Assert.Equal("checkbox", facts?.Role);
        Assert.Equal("Enable grouping", facts!.Name);
        Assert.Equal("Size Groups", facts.Path!.Window);
        Assert.Equal("check box", facts.Path.Chain[^1].Role);
    }

    [Fact]
    public async Task RunDesktop_UncheckThenClickAGtkCheckButton_EachCheckReadsTheStateThroughTheTreeAndTheRunReplays()
    {
        desktop.RequireDisplay();
        using var runs = new DesktopAgentTests.TempDir();

        var (code, stdout, stderr) = await DesktopAgentTests.RunCliAsync(runs.Path,
            "run", "--desktop", "--display", desktop.Display!, "--json", "--runs", runs.Path, "--launch", SizeGroups,
            "uncheck Enable grouping; click Enable grouping");

        Assert.True(code == 0, $"exit {code}\n{stdout}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        var folder = json.RootElement.GetProperty("folder").GetString()!;
        var steps = File.ReadAllLines(Path.Combine(folder, "steps.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, steps.Count);
        Assert.All(steps, s => Assert.Equal("strong", s.GetProperty("check").GetProperty("strength").GetString()));
        Assert.Equal("unchecked", steps[0].GetProperty("check").GetProperty("observed").GetString());
        Assert.Equal("checked", steps[1].GetProperty("check").GetProperty("observed").GetString());
        Assert.All(steps, s => Assert.Equal("Size Groups", s.GetProperty("element_path").GetProperty("window").GetString()));

        var (replayCode, replayOut, replayErr) = await DesktopAgentTests.RunCliAsync(runs.Path,
            "replay", json.RootElement.GetProperty("id").GetString()!, "--display", desktop.Display!, "--json", "--runs", runs.Path);

        Assert.True(replayCode == 0, $"exit {replayCode}\n{replayOut}\n{replayErr}");
        using var replay = JsonDocument.Parse(replayOut);
        Assert.Equal(2, replay.RootElement.GetProperty("cache_hits").GetInt32());
        Assert.Equal(["unchecked", "checked"], replay.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("check").GetString()));
    }

    private static async Task<UiElement> FindAsync(DesktopDriver driver, Func<UiElement, bool> which, CancellationToken ct)
    {
        for (var i = 0; i < 50; i++)
        {
            if ((await driver.QueryElementsAsync(20000, ct)).Elements.FirstOrDefault(which) is { ClickPoint: not null } found)
            {
                return found;
            }

            await Task.Delay(100, ct);
        }

        throw new Xunit.Sdk.XunitException("The element did not appear in the accessibility tree within 5 s.");
    }

    private static async Task<UiElement> UntilAsync(DesktopDriver driver, string elementRef, Func<UiElement, bool> done, CancellationToken ct)
    {
        UiElement? now = null;
        for (var i = 0; i < 30; i++)
        {
            now = await driver.RefreshAsync(elementRef, ct);
            if (now is not null && done(now))
            {
                return now;
            }

            await Task.Delay(100, ct);
        }

        return now ?? throw new Xunit.Sdk.XunitException("The element is gone.");
    }
}
