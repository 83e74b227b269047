using System.Globalization;

namespace VisualAgent.Cli.Commands;

/// <summary>One timed replay round: its whole time, the part from the start page loaded to the last step, and per step.</summary>
internal sealed record ReplayRound(double TotalMs, double StepsMs, double StartPageMs);

/// <summary>One timed script round: its "step 1" to "PASSED" lines, and its whole process (start, build, browser launch).</summary>
internal sealed record ScriptRound(double StepsMs, double ProcessMs);

/// <summary>
/// `bench replay`'s figures from its rounds: medians, and the replay/script ratio on ONE span for both — from the start
/// page loaded to the last step done (the replay's <c>StepsMs</c>; the script's "step 1" to "PASSED" lines, which
/// follow its opening the start page). Whole-process figures (the replay with opening the start page, the script's
/// process with its build and browser launch) are kept, labelled, and not divided by each other.
/// </summary>
internal sealed record BenchReplayFigures(
    string RunId, int Iterations, string Target, int Steps, double RunMs, int RunModelCalls,
    IReadOnlyList<ReplayRound> Light, IReadOnlyList<ReplayRound> Full, IReadOnlyList<ScriptRound> Script,
    IReadOnlyDictionary<int, IReadOnlyList<double>> PerStep)
{
    /// <summary>The span the ratio is taken on, in words (printed and in the JSON).</summary>
    /// <summary>The viewport both were opened at, and why.</summary>
    public Codegen.Replay.ReplayViewport? Viewport { get; init; }

    public const string Span = "from the start page loaded to the last step done (replay: after opening the start URL; script: its \"step 1\" line to its \"PASSED\" line)";

    public double ReplaySteps => Median(Light.Select(r => r.StepsMs));

    public double ReplayFullSettleSteps => Median(Full.Select(r => r.StepsMs));

    public double ScriptSteps => Median(Script.Select(r => r.StepsMs));

    public double ReplayTotal => Median(Light.Select(r => r.TotalMs));

    public double ReplayStartPage => Median(Light.Select(r => r.StartPageMs));

    public double ScriptProcess => Median(Script.Select(r => r.ProcessMs));

    /// <summary>Replay against the script over the same span.</summary>
    public double ReplayVsScript => ReplaySteps / ScriptSteps;

    public double ReplayFullSettleVsScript => ReplayFullSettleSteps / ScriptSteps;

    /// <summary>The whole replay (opening the start page included) against the recorded run's whole time.</summary>
    public double ReplayVsRun => ReplayTotal / RunMs;

    public object Json() => new
    {
        run = RunId, iterations = Iterations, target = Target, steps = Steps,
        run_ms = Math.Round(RunMs, 1), run_model_calls = RunModelCalls, replay_model_calls = 0,
        span = Span,
        replay_steps_ms = Math.Round(ReplaySteps, 1), replay_full_settle_steps_ms = Math.Round(ReplayFullSettleSteps, 1), script_steps_ms = Math.Round(ScriptSteps, 1),
        replay_vs_script = Math.Round(ReplayVsScript, 2), replay_full_settle_vs_script = Math.Round(ReplayFullSettleVsScript, 2),
        replay_per_step_ms = PerStep.OrderBy(p => p.Key).Select(p => new { index = p.Key, ms = Math.Round(Median(p.Value), 1) }),
        replay_total_ms = Math.Round(ReplayTotal, 1), replay_start_page_ms = Math.Round(ReplayStartPage, 1), script_process_ms = Math.Round(ScriptProcess, 1),
        replay_vs_run = Math.Round(ReplayVsRun, 2),
        viewport = Viewport?.Summary(),
    };

    public IReadOnlyList<string> Lines()
    {
        var c = CultureInfo.InvariantCulture;
        return
        [
            $"run {RunId}: {Steps} steps, medians of {Iterations}",
            string.Create(c, $"  recorded run            {RunMs,8:0} ms  ({RunModelCalls} model calls)"),
            $"  same span for both: {Span}",
            string.Create(c, $"  replay steps            {ReplaySteps,8:0} ms  (0 model calls)"),
            "    per step (ms): " + string.Join(", ", PerStep.OrderBy(p => p.Key).Select(p => string.Create(c, $"{p.Key}: {Median(p.Value):0}"))),
            string.Create(c, $"  replay steps, full settle {ReplayFullSettleSteps,6:0} ms  (every action settled as in a run)"),
            string.Create(c, $"  {Target,-13} steps     {ScriptSteps,8:0} ms"),
            string.Create(c, $"  replay / script         {ReplayVsScript,8:0.00}x  (full settle {ReplayFullSettleVsScript:0.00}x), same span"),
            "  whole process (not compared with each other):",
            string.Create(c, $"    replay with opening the start page {ReplayTotal:0} ms (opening {ReplayStartPage:0} ms), {ReplayVsRun:0.00}x the recorded run"),
            string.Create(c, $"    {Target} process {ScriptProcess:0} ms (process start, build, browser launch, start page, steps)"),
            .. Viewport is null ? Array.Empty<string>() : ["  " + Viewport.Note],
        ];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
