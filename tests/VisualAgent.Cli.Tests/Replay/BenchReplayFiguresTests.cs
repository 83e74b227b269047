using VisualAgent.Cli.Commands;

namespace VisualAgent.Tests.Replay;

/// <summary>
/// `bench replay`'s arithmetic and labels: the replay/script ratio is taken on one span for both (start page loaded to
/// last step), never on the replay's whole time (which includes opening the start page) against the script's steps.
/// </summary>
public sealed class BenchReplayFiguresTests
{
    private static BenchReplayFigures Figures() => new(
        "20260101-000000-run", 3, "playwright-cs", 4, RunMs: 5000, RunModelCalls: 0,
        Light: [new(TotalMs: 900, StepsMs: 300, StartPageMs: 580), new(1100, 500, 590), new(1000, 400, 585)],
        Full: [new(1500, 800, 600), new(1600, 900, 600), new(1400, 700, 600)],
        Script: [new(StepsMs: 250, ProcessMs: 6000), new(200, 5500), new(300, 7000)],
        PerStep: new Dictionary<int, IReadOnlyList<double>> { [2] = [100, 300, 200], [1] = [50, 70, 60] });

    [Fact]
    public void Ratio_IsOnTheSameSpan_StepsOverSteps()
    {
        var f = Figures();

        Assert.Equal(400, f.ReplaySteps);
        Assert.Equal(250, f.ScriptSteps);
        Assert.Equal(1.6, f.ReplayVsScript, 9); // 400 / 250, not the whole replay's 1000 / 250 = 4
        Assert.Equal(800, f.ReplayFullSettleSteps);
        Assert.Equal(3.2, f.ReplayFullSettleVsScript, 9);
        Assert.Equal(1000, f.ReplayTotal);
        Assert.Equal(585, f.ReplayStartPage);
        Assert.Equal(6000, f.ScriptProcess);
        Assert.Equal(0.2, f.ReplayVsRun, 9);
    }

    [Fact]
    public void Lines_NameTheSpanAndKeepWholeProcessFiguresApart()
    {
        var text = string.Join('\n', Figures().Lines());

        Assert.Contains("same span for both: from the start page loaded to the last step done", text, StringComparison.Ordinal);
        Assert.Contains("replay steps                 400 ms", text, StringComparison.Ordinal);
        Assert.Contains("playwright-cs steps          250 ms", text, StringComparison.Ordinal);
        Assert.Contains("replay / script             1.60x  (full settle 3.20x), same span", text, StringComparison.Ordinal);
        Assert.Contains("per step (ms): 1: 60, 2: 200", text, StringComparison.Ordinal);
        Assert.Contains("whole process (not compared with each other):", text, StringComparison.Ordinal);
        Assert.Contains("replay with opening the start page 1000 ms (opening 585 ms), 0.20x the recorded run", text, StringComparison.Ordinal);
        Assert.Contains("playwright-cs process 6000 ms", text, StringComparison.Ordinal);
        Assert.DoesNotContain("4.00x", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_CarriesTheSpanTheRatioAndTheProcessFiguresUnderTheirOwnNames()
    {
        var json = System.Text.Json.JsonSerializer.SerializeToElement(Figures().Json());

        Assert.StartsWith("from the start page loaded", json.GetProperty("span").GetString(), StringComparison.Ordinal);
        Assert.Equal(400, json.GetProperty("replay_steps_ms").GetDouble());
        Assert.Equal(250, json.GetProperty("script_steps_ms").GetDouble());
        Assert.Equal(1.6, json.GetProperty("replay_vs_script").GetDouble());
        Assert.Equal(1000, json.GetProperty("replay_total_ms").GetDouble());
        Assert.Equal(6000, json.GetProperty("script_process_ms").GetDouble());
        Assert.False(json.TryGetProperty("replay_ms", out _)); // the old name meant the whole replay: gone, not redefined
    }

    [Fact]
    public void Median_EvenCountAveragesTheMiddleTwo()
    {
        Assert.Equal(2.5, BenchReplayFigures.Median([4, 1, 2, 3]));
        Assert.True(double.IsNaN(BenchReplayFigures.Median([])));
    }
}
